import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { logisticsSubgraph } from './subgraph';

void runSubgraphProcess(logisticsSubgraph);
