// Integration tests start consumers and wait for group rebalances; Jest's 5 s default is far too short there.
jest.setTimeout(120_000);
