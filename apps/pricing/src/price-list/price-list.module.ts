import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PriceListEntryEntity } from './price-list-entry.entity';
import { PriceListResolver } from './price-list.resolver';
import { PriceListService } from './price-list.service';

@Module({
  imports: [TypeOrmModule.forFeature([PriceListEntryEntity])],
  providers: [PriceListService, PriceListResolver],
  exports: [PriceListService],
})
export class PriceListModule {}
