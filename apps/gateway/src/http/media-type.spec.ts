import { isUtf8MediaType } from './media-type';

describe('isUtf8MediaType', () => {
  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; foo=bar'])(
    'accepts %s as JSON',
    (header) => expect(isUtf8MediaType(header, 'application/json')).toBe(true),
  );

  it.each([undefined, '', 'text/plain', 'application/jsonx', 'application/x-ndjson', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x'])(
    'refuses %s as JSON',
    (header) => expect(isUtf8MediaType(header, 'application/json')).toBe(false),
  );
});
