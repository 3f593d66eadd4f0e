import { BulkReportBuilder } from './bulk-report';

const bad = [{ field: 'body', problem: 'must be string and is missing' }];

describe('BulkReportBuilder', () => {
  it('lists every line in order while the file is small', () => {
    const report = new BulkReportBuilder(5);
    report.accept(1, 'a');
    report.reject(2, bad);
    report.accept(4, 'b');
    expect(report.build()).toEqual({
      accepted: 2,
      rejected: 1,
      listed: 'all',
      unlistedRejections: 0,
      lines: [
        { line: 1, id: 'a', status: 'accepted' },
        { line: 2, status: 'rejected', errors: bad },
        { line: 4, id: 'b', status: 'accepted' },
      ],
    });
  });

  it('still lists every line at exactly the cap', () => {
    const report = new BulkReportBuilder(3);
    report.accept(1, 'a');
    report.accept(2, 'b');
    report.reject(3, bad);
    expect(report.build()).toMatchObject({ listed: 'all', lines: [{ line: 1 }, { line: 2 }, { line: 3 }] });
  });

  it('past the cap keeps only rejections, at most the cap of them, and exact counts', () => {
    const report = new BulkReportBuilder(3);
    for (let line = 1; line <= 10; line += 1) {
      if (line % 2 === 0) report.reject(line, bad);
      else report.accept(line, `id-${line}`);
    }
    expect(report.build()).toEqual({
      accepted: 5,
      rejected: 5,
      listed: 'rejected',
      unlistedRejections: 2,
      lines: [2, 4, 6].map((line) => ({ line, status: 'rejected', errors: bad })),
    });
  });

  it('lists nothing but counts when a large file is all accepted', () => {
    const report = new BulkReportBuilder(2);
    for (let line = 1; line <= 4; line += 1) report.accept(line, `id-${line}`);
    expect(report.build()).toEqual({ accepted: 4, rejected: 0, listed: 'rejected', unlistedRejections: 0, lines: [] });
  });
});
