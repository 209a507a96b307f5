import { Badge } from '@mantine/core';
import { type AssignmentStatus, assignmentStatusLabels } from '../../src-shared/domain/assignment';
import { type SessionStatus, sessionStatusLabels } from '../../src-shared/domain/session';

/** The colour of a session's status: calm for planned, quiet for cancelled. */
const sessionStatusColors: Record<SessionStatus, string> = {
  planned: 'sage',
  held: 'blue',
  cancelled: 'gray',
};

/** A session's status as a small badge. */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <Badge variant="light" color={sessionStatusColors[status]} size="sm">
      {sessionStatusLabels[status]}
    </Badge>
  );
}

/** An assignment's status as a small badge: a draft stands out until it is agreed. */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <Badge variant="light" color={status === 'draft' ? 'yellow' : 'sage'} size="sm">
      {assignmentStatusLabels[status]}
    </Badge>
  );
}
