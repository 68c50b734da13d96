// Each kind of asset fills in its own group of particulars: the others are hidden (not cleared) while it
// is chosen.
(function () {
  const kind = document.getElementById('asset-kind');
  if (!kind) return;
  function show() {
    document.querySelectorAll('fieldset[data-kinds]').forEach((group) => {
      group.hidden = kind.value !== '' && !group.dataset.kinds.split(' ').includes(kind.value);
    });
  }
  kind.addEventListener('change', show);
  show();
})();
