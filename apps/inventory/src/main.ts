import 'reflect-metadata';
import { runSubgraphProcess } from '@ordex/platform';
import { inventorySubgraph } from './subgraph';

void runSubgraphProcess(inventorySubgraph);
