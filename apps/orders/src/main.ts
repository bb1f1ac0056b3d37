import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { ordersSubgraph } from './subgraph';

void runSubgraphProcess(ordersSubgraph);
