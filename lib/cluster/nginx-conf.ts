/** deploy/nginx.conf with this machine's upstreams, port and paths. */
export function renderNginxConf(template: string, options: { port: number; upstreams: number[]; dir: string; user?: string }): string {
  const servers = options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n');
  // Workers run as the user who started it (as root nginx would otherwise switch them to nobody,
  // who cannot write the cache in this user's temporary folder).
  const paths = [...(options.user ? [`user ${options.user};`] : []), `pid ${options.dir}/nginx.pid;`, `error_log ${options.dir}/error.log warn;`].join('\n');
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${options.dir}/${name}_temp;`)
    .join('\n');
  return `${paths}\n${template}`
    .replace(/(upstream warta \{\n)(?:\s*server [^\n]*\n)+/, `$1${servers}\n`)
    .replace(/listen \d+;/, `listen 127.0.0.1:${options.port};`)
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${options.dir}/cache`)
    .replace(/http \{\n/, `http {\n  access_log off;\n${temps}\n`);
}
