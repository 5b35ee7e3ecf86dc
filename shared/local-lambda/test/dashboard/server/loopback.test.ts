import { describe, expect, it } from 'vitest';
import { dashboardOrigins } from '../../../src/dashboard/server/dashboard-origins.js';
import { isLoopbackAddress, isLoopbackHost } from '../../../src/dashboard/server/loopback.js';

describe('loopback checks', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.2', false],
    ['', false],
  ])('treats the socket address %j as loopback: %s', (address, expected) => {
    // Act
    const loopback = isLoopbackAddress(address);

    // Assert
    expect(loopback).toBe(expected);
  });

  it.each([
    ['127.0.0.1:3000', true],
    ['localhost:3000', true],
    ['LOCALHOST', true],
    ['[::1]:3000', true],
    ['127.0.0.1.attacker.example:3000', false],
    ['localhost.attacker.example', false],
    ['attacker.example:3000', false],
    ['', false],
  ])('treats the Host header %j as naming this machine: %s', (host, expected) => {
    // Act
    const loopback = isLoopbackHost(host);

    // Assert
    expect(loopback).toBe(expected);
  });

  it('gives the dashboard the origins of the API port under every loopback name', () => {
    // Act
    const origins = dashboardOrigins('http://127.0.0.1:3000');

    // Assert
    expect(origins).toEqual([
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'http://[::1]:3000',
    ]);
  });
});
