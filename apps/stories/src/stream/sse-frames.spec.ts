import { commentFrame, eventFrame, retryFrame } from './sse-frames';

describe('SSE frames', () => {
  it('writes id, event type and one JSON data line, ended by a blank line', () => {
    expect(eventFrame(42, 'StoryUpdated', { storyId: 'st-1', newPassages: ['line one\nline two'] })).toBe(
      'id: 42\nevent: StoryUpdated\ndata: {"storyId":"st-1","newPassages":["line one\\nline two"]}\n\n',
    );
  });

  it('writes comments and the reconnect delay', () => {
    expect(commentFrame('heartbeat')).toBe(': heartbeat\n\n');
    expect(retryFrame(3000)).toBe('retry: 3000\n\n');
  });
});
