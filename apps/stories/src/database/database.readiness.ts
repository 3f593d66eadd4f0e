import { Inject, Injectable } from '@nestjs/common';
import { type ReadinessCheck } from '@app/platform';
import { type Database, DATABASE } from './database';

@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async check(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
