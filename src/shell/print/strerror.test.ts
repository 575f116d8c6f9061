// strerror texts per C library. Upstream tables: musl src/errno/__strerror.h (ETIMEDOUT
// "Operation timed out", EHOSTUNREACH "Host is unreachable", ENETUNREACH "Network
// unreachable"), glibc sysdeps/gnu/errlist.h (and uClibc-ng libc/string/_string_syserrmsgs.c,
// which matches it). Which libc an image has: k/k test/images/agnhost/Dockerfile (Alpine, apk),
// docker-library/official-images library/busybox (untagged-libc tags are the glibc build).
import { describe, expect, it } from 'vitest';
import { toolsetOf } from '../tools/images';
import { socketError, strerror } from './strerror';

describe('strerror', () => {
  it('spells the network errors as glibc does', () => {
    expect(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].map((e) => strerror(e as never, 'glibc'))).toEqual([
      'Connection refused', 'Connection timed out', 'No route to host', 'Network is unreachable',
    ]);
  });
  it('spells them as musl does', () => {
    expect(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].map((e) => strerror(e as never, 'musl'))).toEqual([
      'Connection refused', 'Operation timed out', 'Host is unreachable', 'Network unreachable',
    ]);
  });
  it('maps each connect failure to its errno', () => {
    expect(socketError('refused', 'musl')).toBe('Connection refused');
    expect(socketError('timeout', 'musl')).toBe('Operation timed out');
    expect(socketError('no-route', 'musl')).toBe('Host is unreachable');
    expect(socketError('timeout', 'glibc')).toBe('Connection timed out');
    expect(socketError('no-route', 'glibc')).toBe('No route to host');
  });
});

describe('the libc of an image', () => {
  it.each([
    ['registry.k8s.io/e2e-test-images/agnhost:2.53', 'musl'],
    ['alpine:3.20', 'musl'],
    ['curlimages/curl:8.10.1', 'musl'],
    ['busybox:1.36', 'glibc'],
    ['busybox', 'glibc'],
    ['busybox:1.36-glibc', 'glibc'],
    ['busybox:1.36-uclibc', 'glibc'],
    ['busybox:1.36-musl', 'musl'],
    ['busybox:musl', 'musl'],
    ['nginx:1.27', 'glibc'],
    ['nginx:1.27-alpine', 'musl'],
  ])('%s is %s', (image, libc) => {
    expect(toolsetOf(image)!.libc).toBe(libc);
  });
});
