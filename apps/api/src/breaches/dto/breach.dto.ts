import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IntField } from '../../common/input/int-field';
import { BREACH_RISKS, BreachRisk, SUBJECTS_EXEMPTIONS, SubjectsExemption } from '@regula/breaches';

const TEXT = 10_000;

export class BreachParams {
  @ApiProperty() @IsString() slug: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'id must be a breach id (UUID)' }) id: string;
}

export class BreachListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'subjects-pending', 'notified', 'documented', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'subjects-pending', 'notified', 'documented', 'closed'])
  status?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @IntField('query', { min: 1, max: 200 }) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IntField('query', { min: 0 }) offset?: number;
}

/** What the controller knows of a breach (GDPR Art. 33(3), 33(5)). */
export class RecordBreachDto {
  @ApiProperty({ description: 'a short name for the register', maxLength: 200 }) @IsString() @MinLength(3) @MaxLength(200) title: string;

  @ApiProperty({ description: 'when the controller became aware of the breach: the 72-hour clock starts here (Art. 33(1))', type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'awareAt must be a date-time (ISO 8601)' })
  awareAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate({ message: 'occurredAt must be a date-time (ISO 8601)' }) occurredAt?: Date;

  @ApiProperty({ description: 'the nature of the breach (Art. 33(3)(a))', maxLength: TEXT }) @IsString() @MinLength(5) @MaxLength(TEXT) nature: string;

  @ApiProperty({ type: [String], description: 'categories of personal data concerned' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true })
  dataCategories: string[];

  @ApiProperty({ type: [String], description: 'categories of data subjects concerned' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true })
  subjectCategories: string[];

  @ApiPropertyOptional({ description: 'approximate number of data subjects' }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxSubjects?: number;
  @ApiPropertyOptional({ description: 'approximate number of personal data records' }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxRecords?: number;
  @ApiPropertyOptional({ description: 'likely consequences (Art. 33(3)(c))', maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) likelyConsequences?: string;
  @ApiPropertyOptional({ description: 'measures taken or proposed (Art. 33(3)(d))', maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) measures?: string;
  @ApiPropertyOptional({ description: "the DPO's or other contact point's name and contact details (Art. 33(3)(b)); default: from the controller's definition", maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000)
  dpoContact?: string;

  @ApiPropertyOptional({ enum: BREACH_RISKS, description: 'the risk to the rights and freedoms of natural persons; omit while not yet assessed' })
  @IsOptional() @IsIn(BREACH_RISKS as string[])
  risk?: BreachRisk;

  @ApiPropertyOptional({ description: 'the reasoning of the risk assessment (required with risk)', maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) riskReasoning?: string;
}

export class UpdateBreachDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() awareAt?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() occurredAt?: Date;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(5) @MaxLength(TEXT) nature?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) dataCategories?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) subjectCategories?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxSubjects?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) approxRecords?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) likelyConsequences?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) measures?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) dpoContact?: string;
  @ApiPropertyOptional({ enum: BREACH_RISKS }) @IsOptional() @IsIn(BREACH_RISKS as string[]) risk?: BreachRisk;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) riskReasoning?: string;
  @ApiPropertyOptional({ description: "the authority's case number" }) @IsOptional() @IsString() @MaxLength(200) authorityReference?: string;
  @ApiPropertyOptional({ description: 'reasons for a notification after 72 hours (Art. 33(1))' }) @IsOptional() @IsString() @MaxLength(TEXT) delayReasons?: string;
  @ApiPropertyOptional({ enum: ['closed', 'open'], description: 'closed: only when nothing the law requires is outstanding; open: reopens' })
  @IsOptional() @IsIn(['closed', 'open'])
  status?: 'closed' | 'open';
}

export class AuthorityNotifiedDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'default: now' }) @IsOptional() @Type(() => Date) @IsDate() notifiedAt?: Date;
  @ApiPropertyOptional({ description: "the authority's case number or receipt" }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
  @ApiPropertyOptional({ description: 'required when notified after the 72 hours (Art. 33(1))', maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) delayReasons?: string;
}

export class SubjectsNotifiedDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'default: now' }) @IsOptional() @Type(() => Date) @IsDate() notifiedAt?: Date;
  @ApiPropertyOptional({ description: 'how the subjects were told; with exemption (c): the public communication', maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  method?: string;

  @ApiPropertyOptional({ enum: SUBJECTS_EXEMPTIONS, description: 'Art. 34(3): (a) encrypted, (b) risk removed, (c) disproportionate effort (public notice instead)' })
  @IsOptional() @IsIn(SUBJECTS_EXEMPTIONS as string[])
  exemption?: SubjectsExemption;

  @ApiPropertyOptional({ description: 'why the exemption applies (required with exemption)', maxLength: TEXT }) @IsOptional() @IsString() @MaxLength(TEXT) reasoning?: string;
}
