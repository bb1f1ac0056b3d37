import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { analyticsSubgraph } from './subgraph';

void runSubgraphProcess(analyticsSubgraph);
