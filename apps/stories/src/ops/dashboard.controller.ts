import { Controller, Get, Header, type MessageEvent, Sse } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filter, map, type Observable } from 'rxjs';
import { OpsService } from './ops.service';
import { type OpsSnapshot } from './ops-snapshot';

const page = (file: string): string => readFileSync(join(__dirname, 'page', file), 'utf8');

/** The operators' page: static HTML and script, fed by one SSE stream of whole snapshots. */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  private readonly html = page('dashboard.html');
  private readonly script = page('dashboard.js');
  private readonly styles = page('dashboard.css');

  constructor(private readonly ops: OpsService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
  index(): string {
    return this.html;
  }

  @Get('dashboard.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  js(): string {
    return this.script;
  }

  @Get('dashboard.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  css(): string {
    return this.styles;
  }

  /** The latest snapshot at once, then each new one. */
  @Sse('stream')
  stream(): Observable<MessageEvent> {
    return this.ops.snapshots.pipe(
      filter((s): s is OpsSnapshot => s !== undefined),
      map((snapshot) => ({ type: 'snapshot', data: snapshot })),
    );
  }

  @Get('snapshot')
  snapshot(): OpsSnapshot | { status: 'warming up' } {
    return this.ops.snapshots.value ?? { status: 'warming up' };
  }
}
