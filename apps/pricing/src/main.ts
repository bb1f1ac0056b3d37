import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { pricingSubgraph } from './subgraph';

void runSubgraphProcess(pricingSubgraph);
