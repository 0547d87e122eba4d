import { ApiProperty } from '@nestjs/swagger';
import { RENDITION_KINDS, type RenditionDto, type RenditionKind } from '@agency-portal/shared';

export class RenditionResponse implements RenditionDto {
  @ApiProperty({ enum: RENDITION_KINDS })
  kind!: RenditionKind;
  contentType!: string;
  width!: number;
  height!: number;
  sizeBytes!: number;
}
