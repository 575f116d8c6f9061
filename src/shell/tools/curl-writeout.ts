/**
 * curl's -w/--write-out (src/tool_writeout.c): %{variable} replaced, %% a percent sign,
 * \n \r \t and \\ escapes; an unknown variable is reported on stderr
 * ("curl: unknown --write-out variable: 'NAME'") and prints nothing.
 */
export interface WriteOutValues {
  /** The HTTP status, 0 when none came (printed %03ld: "000"). */
  httpCode: number;
  remoteIP: string;
  remotePort: number;
  localIP: string;
  localPort: number;
  sizeDownload: number;
  url: string;
  exitCode: number;
  errorMessage: string;
  connects: number;
  contentType: string;
  /** The transfer's duration in seconds. */
  seconds: number;
}

function variable(name: string, v: WriteOutValues): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(v.httpCode).padStart(3, '0');
    case 'remote_ip':
      return v.remoteIP;
    case 'remote_port':
      return v.remotePort ? String(v.remotePort) : '0';
    case 'local_ip':
      return v.localIP;
    case 'local_port':
      return v.localPort ? String(v.localPort) : '0';
    case 'size_download':
      return String(v.sizeDownload);
    case 'url_effective':
    case 'url':
      return v.url;
    case 'exitcode':
      return String(v.exitCode);
    case 'errormsg':
      return v.errorMessage;
    case 'num_connects':
      return String(v.connects);
    case 'content_type':
      return v.contentType;
    case 'time_total':
    case 'time_connect':
    case 'time_starttransfer':
      return v.seconds.toFixed(6);
    case 'time_namelookup':
      return (0).toFixed(6);
    default:
      return undefined;
  }
}

export function writeOut(format: string, v: WriteOutValues): { out: string; err: string } {
  let out = '';
  let err = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '%' && format[i + 1] === '%') {
      out += '%';
      i++;
    } else if (ch === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i + 2);
      if (end < 0) {
        out += ch;
        continue;
      }
      const name = format.slice(i + 2, end);
      const value = variable(name, v);
      if (value === undefined) err += `curl: unknown --write-out variable: '${name}'\n`;
      else out += value;
      i = end;
    } else if (ch === '\\' && i + 1 < format.length) {
      const next = format[i + 1]!;
      out += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next === '\\' ? '\\' : `\\${next}`;
      i++;
    } else out += ch;
  }
  return { out, err };
}
