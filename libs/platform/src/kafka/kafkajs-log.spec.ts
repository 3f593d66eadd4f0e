import { type LoggerService } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkajsLogCreator } from './kafkajs-log';

describe('kafkajsLogCreator', () => {
  it('passes kafkajs lines to the app logger at their level, with their fields', () => {
    const calls: [string, unknown, unknown][] = [];
    const logger: LoggerService = {
      log: (entry, message) => calls.push(['log', entry, message]),
      error: (entry, message) => calls.push(['error', entry, message]),
      warn: (entry, message) => calls.push(['warn', entry, message]),
      debug: (entry, message) => calls.push(['debug', entry, message]),
    };
    const write = kafkajsLogCreator(logger)(logLevel.INFO);
    const line = (level: logLevel, message: string) =>
      write({ namespace: 'Consumer', level, label: '', log: { timestamp: 't', logger: 'kafkajs', message, groupId: 'g' } });
    line(logLevel.ERROR, 'Crash');
    line(logLevel.WARN, 'Rebalancing');
    line(logLevel.INFO, 'Starting');
    expect(calls).toEqual([
      ['error', { timestamp: 't', logger: 'kafkajs', groupId: 'g', namespace: 'Consumer' }, 'Crash'],
      ['warn', { timestamp: 't', logger: 'kafkajs', groupId: 'g', namespace: 'Consumer' }, 'Rebalancing'],
      ['debug', { timestamp: 't', logger: 'kafkajs', groupId: 'g', namespace: 'Consumer' }, 'Starting'],
    ]);
  });
});
