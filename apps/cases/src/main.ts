import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { casesSubgraph } from './subgraph';

void runSubgraphProcess(casesSubgraph);
