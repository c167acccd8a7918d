import { ApiProperty } from '@nestjs/swagger';
import { nullableObject } from '../../common/openapi';
import { RequestAssignee } from './request-view.response';

/** A member a request may be assigned to. */
export class RequestTeamMember {
  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  userId: string;

  @ApiProperty({ description: 'The display name, else the e-mail address', example: 'Kadri Kask' })
  name: string;

  @ApiProperty({ example: 'admin@medical-management.example' })
  email: string;
}

/** Who handles the request after the change. */
export class RequestAssignmentResponse {
  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty(nullableObject(RequestAssignee, { description: 'Null: released, nobody handles it', example: { userId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', name: 'Kadri Kask' } }))
  assignee: RequestAssignee | null;
}
