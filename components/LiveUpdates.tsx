import { t } from '@/lib/i18n';

/**
 * While a live report runs, checks the page once a minute (when the tab is visible) and, when it
 * has entries this copy lacks, offers "N pembaruan baru — tampilkan"; a click swaps in the new
 * list of entries, with no reload and no framework. Without JavaScript the button stays hidden
 * and the page, regenerated within a minute, is complete on every load. Its text is the same on
 * every live report, so its CSP hash is one and the same (server/csp.ts hashes it per response).
 */
export const LIVE_UPDATES_SCRIPT = [
  '(function(){var d=document,b=d.getElementById("pembaruan-baru"),next;',
  'function ids(l){return[].map.call(l.querySelectorAll("article[id]"),function(a){return a.id})}',
  'setInterval(function(){if(d.hidden)return;fetch(location.pathname,{cache:"no-store"}).then(function(r){return r.text()}).then(function(h){',
  'var l=new DOMParser().parseFromString(h,"text/html").getElementById("daftar-pembaruan"),have=ids(d.getElementById("daftar-pembaruan"));',
  'var n=l?ids(l).filter(function(i){return have.indexOf(i)<0}).length:0;',
  'if(n){next=l;b.textContent=b.dataset.text.replace("N",n);b.hidden=false}}).catch(function(){})},60000);',
  'b.onclick=function(){if(next){d.getElementById("daftar-pembaruan").replaceWith(next);next=null;b.hidden=true}}',
  '})()',
].join('');

/** The hidden "new updates" button and the script that shows it; only on a running report. */
export function LiveUpdates() {
  return (
    <>
      <button
        id="pembaruan-baru"
        type="button"
        hidden
        data-text={t.liveNewUpdates}
        className="sticky top-2 z-10 mx-auto block rounded bg-accent px-4 py-2 font-semibold text-accent-ink shadow"
      />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, hashed into the CSP per response. */}
      <script dangerouslySetInnerHTML={{ __html: LIVE_UPDATES_SCRIPT }} />
    </>
  );
}
