import { Module } from '@nestjs/common';
import { ProcessMapResolver } from './process-map.resolver';
import { ProcessMapService } from './process-map.service';

@Module({
  providers: [ProcessMapService, ProcessMapResolver],
  exports: [ProcessMapService],
})
export class ProcessMapModule {}
