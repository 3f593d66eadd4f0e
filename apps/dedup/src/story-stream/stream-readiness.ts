import { Injectable } from '@nestjs/common';
import { type ReadinessCheck } from '@app/platform';
import { ExactlyOnceTransport } from '../exactly-once/exactly-once.transport';

/** Ready once the state holds the story log: as the owner, or as a standby that can take over at once. */
@Injectable()
export class StreamReadiness implements ReadinessCheck {
  readonly name = 'story-stream';

  constructor(private readonly transport: ExactlyOnceTransport) {}

  async check(): Promise<void> {
    const status = this.transport.currentStatus;
    if (status === 'owner' || status === 'standby') return;
    throw new Error(status === 'starting' ? 'restoring the story state from the log' : status);
  }
}
