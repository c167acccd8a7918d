import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_STATES, REQUEST_TYPES } from '@regula/requests';
import { nullableObject } from '../../common/openapi';
import { FulfilmentResultView } from './fulfilment.response';

/** An access package being built by the worker: its state and progress. */
export class PackageBuildView {
  @ApiProperty({ format: 'uuid', example: '7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The confirmed preview (`GET …/fulfilment-plans` shows its result once done)', example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b' })
  previewId: string;

  @ApiProperty({ enum: ['building', 'done', 'failed'], description: 'done: the files are complete, the request closed and the subject told', example: 'building' })
  status: string;

  @ApiProperty({ description: 'Records written into the package so far', example: 4000 })
  recordsWritten: number;

  @ApiProperty({ description: 'Records the package will hold (0 until the worker has started)', example: 10020 })
  recordsTotal: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the build failed; null otherwise', example: null })
  error: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  startedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  finishedAt: Date | null;
}

/** The confirmation of an access preview: the package is being built; the request closes when it is complete. */
export class FulfilmentBuildingResponse {
  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ enum: REQUEST_STATES, description: 'Still in progress (or extended) until the package is complete', example: 'in-progress' })
  state: string;

  @ApiProperty({ type: () => PackageBuildView })
  build: PackageBuildView;
}

/** A request's access package build and, once done, the outcome and the result. */
export class PackageBuildResponse {
  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'completed' })
  state: string;

  @ApiProperty(nullableObject(PackageBuildView, { description: 'Null when no package was started' }))
  build: PackageBuildView | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "The request's outcome once the package is complete (the files under `downloads`); null before", example: { summary: 'Your copy is ready: 12 record(s) in 3 processing activities.', downloads: [] } })
  outcome: Record<string, unknown> | null;

  @ApiProperty(nullableObject(FulfilmentResultView, { description: 'The plan carried out and its difference from the preview; null before the package is complete' }))
  result: FulfilmentResultView | null;
}
