// The parts of every page that a phone needs: the folding menu, the map's layer drawer, and the names of the
// columns written onto each table cell so that a table can be shown one card a row on a narrow screen.
// Deferred: it runs once the page is parsed, before the DOMContentLoaded that large deferred scripts hold back.
const shellReady = (init) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', init) : init());
shellReady(() => {
  // Colours and widths that come with the data are set through the CSSOM: the Content-Security-Policy refuses
  // style attributes (no 'unsafe-inline') but not this.
  document.querySelectorAll('[data-layer-color]').forEach((e) => e.style.setProperty('--layer', e.dataset.layerColor));
  document.querySelectorAll('[data-swatch-color]').forEach((e) => { e.style.background = e.dataset.swatchColor; });
  document.querySelectorAll('[data-bar-percent]').forEach((e) => { e.style.width = `${e.dataset.barPercent}%`; });
  const toggle = (button, target, openClass) => {
    if (!button || !target) return;
    button.addEventListener('click', () => {
      const open = target.classList.toggle(openClass);
      button.setAttribute('aria-expanded', String(open));
    });
  };
  toggle(document.getElementById('menu-toggle'), document.querySelector('header.shell'), 'open');
  toggle(document.getElementById('layers-toggle'), document.getElementById('layers-panel'), 'open');
  // A group of links in the header: one open at a time, closed by a click elsewhere or Escape.
  const groups = Array.from(document.querySelectorAll('.nav-group'));
  const close = (except) => groups.filter((g) => g !== except).forEach((g) => {
    g.classList.remove('open');
    g.querySelector('.nav-group-toggle').setAttribute('aria-expanded', 'false');
  });
  groups.forEach((group) => {
    const button = group.querySelector('.nav-group-toggle');
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      close(group);
      button.setAttribute('aria-expanded', String(group.classList.toggle('open')));
    });
  });
  fitHeader();
  window.addEventListener('resize', fitHeader);
  window.addEventListener('load', fitHeader);
  document.addEventListener('click', (e) => { if (!e.target.closest('.nav-group')) close(null); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(null); });

  document.querySelectorAll('table.data').forEach(table => {
    const names = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
    if (names.length === 0) return;
    table.querySelectorAll('tbody tr').forEach(row => {
      Array.from(row.children).forEach((cell, i) => {
        if (cell.tagName === 'TD' && !cell.hasAttribute('data-label') && names[i]) {
          cell.setAttribute('data-label', names[i]);
        }
      });
    });
  });
});

// Keeps the header on one line on a wide screen: the module links that do not fit move, last first, into the
// "More" group, and come back when there is room. On a phone the folded menu lists them all in place.
function fitHeader() {
  const shell = document.querySelector('header.shell');
  const more = shell && shell.querySelector('.nav-more');
  if (!more) return;
  const nav = more.parentElement;
  const menu = more.querySelector('.nav-group-menu');
  Array.from(menu.children).forEach((a) => nav.insertBefore(a, more));
  more.hidden = true;
  const toggle = document.getElementById('menu-toggle');
  if (toggle && getComputedStyle(toggle).display !== 'none') return;
  const brand = shell.querySelector('.brand');
  const right = shell.querySelector('.shell-right');
  const wrapped = () => right.getBoundingClientRect().top > brand.getBoundingClientRect().bottom - 4;
  let links = Array.from(nav.querySelectorAll(':scope > a'));
  while (wrapped() && links.length > 1) {
    more.hidden = false;
    menu.insertBefore(links.pop(), menu.firstChild);
  }
  more.querySelector('.nav-group-toggle').classList.toggle('active', menu.querySelector('a.active') !== null);
}
