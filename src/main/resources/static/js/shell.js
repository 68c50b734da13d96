// The parts of every page that a phone needs: the folding menu, the map's layer drawer, and the names of the
// columns written onto each table cell so that a table can be shown one card a row on a narrow screen.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = (button, target, openClass) => {
    if (!button || !target) return;
    button.addEventListener('click', () => {
      const open = target.classList.toggle(openClass);
      button.setAttribute('aria-expanded', String(open));
    });
  };
  toggle(document.getElementById('menu-toggle'), document.querySelector('header.shell'), 'open');
  toggle(document.getElementById('layers-toggle'), document.getElementById('layers-panel'), 'open');

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
