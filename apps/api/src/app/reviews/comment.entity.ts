import type { CommentPin } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { CreatedEntity, ForeignKey, TimestampColumn } from '../database/columns';

@Entity({ name: 'comments' })
export class Comment extends CreatedEntity {
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ForeignKey('author_id', () => User, 'author')
  authorId!: string;
  author?: Relation<User>;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', nullable: true })
  pin!: CommentPin | null;

  @TimestampColumn('resolved_at', { nullable: true })
  resolvedAt!: Date | null;

  @ForeignKey('resolved_by', () => User, 'resolver', { nullable: true })
  resolvedBy!: string | null;
  resolver?: Relation<User> | null;
}
