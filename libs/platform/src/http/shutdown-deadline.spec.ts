import { EventEmitter } from 'node:events';
import { armShutdownDeadline } from './shutdown-deadline';

describe('armShutdownDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends a stop that runs past the deadline, counted from the first stop signal', () => {
    const signals = new EventEmitter();
    const overrun = jest.fn();
    armShutdownDeadline(30_000, overrun, signals);
    jest.advanceTimersByTime(60_000);
    expect(overrun).not.toHaveBeenCalled();
    signals.emit('SIGTERM');
    jest.advanceTimersByTime(29_999);
    signals.emit('SIGINT');
    expect(overrun).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(overrun).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(60_000);
    expect(overrun).toHaveBeenCalledTimes(1);
  });
});
