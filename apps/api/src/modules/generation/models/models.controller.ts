import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ModelListSchema, type ModelList } from '@storyos/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ModelsService } from './models.service';

class ModelListDto extends createZodDto(ModelListSchema) {}

@ApiTags('models')
@ApiBearerAuth()
@Controller('models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  /** The models this deployment offers (the builtin engine and the admin-allowed provider models), each with its context window when known; the default first. */
  @Get()
  @ZodResponse({ status: 200, type: ModelListDto })
  list(): Promise<ModelList> {
    return this.models.list();
  }
}
