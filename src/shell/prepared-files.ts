/**
 * Files the workstation holds ready for the tutorials: the key pair the kubernetes.io
 * "Connecting Applications with Services" tutorial makes with `make keys` (its Makefile runs
 * `openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt
 * -subj "/CN=my-nginx/O=my-nginx"`). The simulator runs no openssl, so the pair was made once
 * with that command (10 years instead of 365 days) and is served at the same paths:
 * `kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt` works as in
 * the tutorial. A throwaway self-signed pair for the simulated cluster only.
 */
import type { ShellEnv } from './types';

export const PREPARED_FILES: ReadonlyMap<string, string> = new Map([
  ['/tmp/nginx.key', `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC6S7ehq3Zqg7h9
HbF8tESdqfzjDd7OLKziDJvCp4pxgMP6HO40C9e/b/jdB2oxz+6tdzcDZJpOUS0y
5G7J/PQriDnmwpivHcbH6WnJU8TiQ6OJ9lln279AdAiT+yTzu6eikzvdBnSBs/xx
2clLusEZ4z/qRH9aj9zEfFbNnuNa+qkijVvHGrf7gKFru0Adiuakvy9eqZ17e4hD
0ZGDTnh0GovneTDrMWfEoe8EmcWoLyYF2JxycM2RztdBauHKKsmxU6QWKHYHAhkv
LuQjsPb5U6u5/xYQOilBC+QJGJ88cChDpNfvJe0FNlyz+jfnP5r2jdu+lTbNLE2i
0xt/5WlPAgMBAAECggEABjjUK76gcwNDjKOKvimpJwOP53zFmxOL50rY2EH555Dk
5WbE9Tu2BiCfv7C+imZcSDKJ8FTnqxjz+QCpy0OQW3SDy+IQ8RGosMbqGmgaqcdC
NYU4TDXfJ9sYPupYPBm232uqcqyDWfegb/mq9Zq0VgCB2HmsL+KhKCDSUgYYqCer
a2hFmY3yDDTatXNxEHOcpgduz9e/DEs1BqJMRglO2tdU3vXpdbOXXv2gpAMu/aQZ
3729ZO4X20A+x5XL3Ow0M4txhokE64ZMgZLHG+CKNcUAxKX/6S8UuekKlrhw79PU
DNcJ6Yex2h+8tcsu4hTohyhCFPi3OIlt3n/yOidygQKBgQDl7QF6pAoZoi8Ml+av
PJ19mJNqndIfBOciMQm3Ny8LhXHqC9A9vqa012VkWScKJIDfnNyF6SBG5oYSMcSE
iPj/GSct5oTxD/3XK06q1pXxCa3IAX8uqw/JiF9lGyewl5ZDOx6pOF9qnsU83EIW
klau3zdn+wpZRKnwEmSGEAeugQKBgQDPbBWnf1HFdA4MZmsvhi/ZkD7F8vh9HQ7a
xr10T3xIZ5caVDC6JOAHwAhdBUDAmmEU26/f4MLWeL8veR3wjmXhoBweUI6W2q/3
kTl622zYF3du/8X0USW0xRQ3sPvAeQ8B8OhqpYL/9JzOzqDpufw/EI9I8znojmDo
Pq5RgxXPzwKBgD0gMCd5mtHLwzRW4dYuiDQOrwpGIMlsVUJKxSl3O0OV2338XAU+
PTWQmfz+kplosPZBzoKvQox21qfZoUQW4hN3jWnvgeJQfQyKD+TtHXmyOAgXFcfD
ZHQQlEPd30RcWG9RNUqJmRxQT2FpsQwtJWxiHWnAXLT0wzT2vtDBTDmBAoGAa3Tz
QvMSydh17ragkN5Tq8Kuwp49XZPQPkb3n2oOWPRRs7IqDEVOSrWRn585DI7t/IBT
fQhT6AhmA5IbkKQ0486uwoW5WS2yO+9gd+V1Xf3KQhb/1rKzdhMjhjaKNgyBWeAU
iCt20mNHWVxywKM5qvJJSOG4/mHEkozmghQHGMECgYBLGjKzNZKVCUjV4ZNfjRl9
wfaCAaLAFqSMqWMi7z93gou2svvOH/jLDIXlppYUqPwSlAZ6v4qKWYgsB/3g8os3
dZfVQTxFqPZBNz198E9MlPTyZYMJRJhTbYVOGvO6c1VnEyhzNzJRGoF5amDtNDFO
OPezOGelBWRwk1oZ1paffQ==
-----END PRIVATE KEY-----
`],
  ['/tmp/nginx.crt', `-----BEGIN CERTIFICATE-----
MIIDLTCCAhWgAwIBAgIUTfaWC3r6OUUDVYjzsBG4Gn5O0okwDQYJKoZIhvcNAQEL
BQAwJjERMA8GA1UEAwwIbXktbmdpbngxETAPBgNVBAoMCG15LW5naW54MB4XDTI2
MTIwNzA2Mjc0OFoXDTM2MTIwNDA2Mjc0OFowJjERMA8GA1UEAwwIbXktbmdpbngx
ETAPBgNVBAoMCG15LW5naW54MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC
AQEAuku3oat2aoO4fR2xfLREnan84w3eziys4gybwqeKcYDD+hzuNAvXv2/43Qdq
Mc/urXc3A2SaTlEtMuRuyfz0K4g55sKYrx3Gx+lpyVPE4kOjifZZZ9u/QHQIk/sk
87unopM73QZ0gbP8cdnJS7rBGeM/6kR/Wo/cxHxWzZ7jWvqpIo1bxxq3+4Cha7tA
HYrmpL8vXqmde3uIQ9GRg054dBqL53kw6zFnxKHvBJnFqC8mBdiccnDNkc7XQWrh
yirJsVOkFih2BwIZLy7kI7D2+VOruf8WEDopQQvkCRifPHAoQ6TX7yXtBTZcs/o3
5z+a9o3bvpU2zSxNotMbf+VpTwIDAQABo1MwUTAdBgNVHQ4EFgQUiexUHpFYQ/Ka
p45fNW9Q9TO9xL8wHwYDVR0jBBgwFoAUiexUHpFYQ/Kap45fNW9Q9TO9xL8wDwYD
VR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEANyc6Xl7cSgThNeKzsq+r
eRgODkNzVlDrlyhgjLwiSAFtNAE7r+1C6TFTqeyyf7BVQRdwEyPgDGimtCYnbJNz
cxFqVP079k/oTgfdT9VRGwxKPkAFeNXY4MK2tfpvVzncrEK+TfsmS0J/RQLBpJ/g
4rwqg5AgdC3bxOSvc75paM1X44xRDdFXZqxxAP+6/fnstjzOmJHzWQyXzSsAezu6
VRiZqO1AI0KNYvjtbj6RM31YI+aW9Urc4z0adudCQ/O3OQHpE3bVcZpY4Td7jDmk
Z+EJgljugClgp3BTIlCMq/a6zvAfMjG9vIXntN4mRtgS2ZELBQ9/4O1b2ZTb4Onl
Og==
-----END CERTIFICATE-----
`],
]);

/** The environment with the prepared files in front of it (the same bytes wherever the shell runs). */
export function withPreparedFiles(env: ShellEnv): ShellEnv {
  const listDir = env.listDir;
  return {
    ...env,
    readFile: (path) => PREPARED_FILES.get(path) ?? env.readFile(path),
    listDir: (path) => {
      const own = listDir?.call(env, path);
      const dir = path.replace(/\/+$/, '');
      const extra = [...PREPARED_FILES.keys()].filter((p) => p.slice(0, p.lastIndexOf('/')) === dir).map((p) => p.slice(dir.length + 1));
      if (!extra.length) return own;
      return [...new Set([...(own ?? []), ...extra])].sort();
    },
  };
}
