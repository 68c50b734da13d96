// The route planner: two clicks on the map (start, then destination) or two settlements; the route comes from
// /routes/plan (the API's answer, a refusal said in the page's language) and is drawn with the hazard areas it
// avoided and those nearby listed beside it.
(function () {
  const el = document.getElementById('route-map');
  const form = document.getElementById('route-form');
  if (!el || !form) return;
  const map = L.map(el, { zoomSnap: 0.25 });
  window.backdrop(map, el);
  const from = document.getElementById('route-from');
  const to = document.getElementById('route-to');
  const fromSettlement = document.getElementById('route-from-settlement');
  const toSettlement = document.getElementById('route-to-settlement');
  const error = document.getElementById('route-error');
  const result = document.getElementById('route-result');
  let markers = [];
  let drawn = null;
  const fmt = (ll) => ll.lng.toFixed(5) + ',' + ll.lat.toFixed(5);
  map.on('click', (e) => {
    if (!from.value || (from.value && to.value)) {
      from.value = fmt(e.latlng);
      to.value = '';
      fromSettlement.value = '';
      markers.forEach((m) => m.remove());
      markers = [L.circleMarker(e.latlng, { radius: 7, color: '#15803d' }).addTo(map)];
    } else {
      to.value = fmt(e.latlng);
      toSettlement.value = '';
      markers.push(L.circleMarker(e.latlng, { radius: 7, color: '#a3261e' }).addTo(map));
      plan();
    }
  });
  const list = (ul, hazards) => {
    ul.replaceChildren();
    if (!hazards.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = ul.dataset.none;
      ul.append(li);
    }
    hazards.forEach((h) => {
      const li = document.createElement('li');
      const name = h.id ? document.createElement('a') : document.createElement('span');
      if (h.id) name.href = '/mine-action/hazard-areas/' + h.id;
      name.textContent = h.name || form.dataset.outside;
      li.append(name, ' · ' + Math.round(h.distanceMetres) + ' m');
      ul.append(li);
    });
  };
  const plan = () => {
    const q = new URLSearchParams();
    if (fromSettlement.value) q.set('fromSettlement', fromSettlement.value); else if (from.value) q.set('from', from.value);
    if (toSettlement.value) q.set('toSettlement', toSettlement.value); else if (to.value) q.set('to', to.value);
    const buffer = document.getElementById('route-buffer').value;
    if (buffer) q.set('buffer', buffer);
    error.hidden = true;
    fetch('/routes/plan?' + q, { headers: { Accept: 'application/geo+json' } })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (drawn) drawn.remove();
        if (!ok) {
          result.hidden = true;
          error.textContent = form.dataset.failed + ' ' + (body.detail || '');
          error.hidden = false;
          el.dataset.state = 'refused';
          return;
        }
        drawn = L.geoJSON(body, { style: { color: '#1d4ed8', weight: 5, opacity: 0.85 } }).addTo(map);
        map.fitBounds(drawn.getBounds(), { padding: [20, 20] });
        document.getElementById('route-length').textContent = (body.properties.lengthMetres / 1000).toFixed(1);
        document.getElementById('route-duration').textContent = Math.round(body.properties.durationSeconds / 60);
        list(document.getElementById('route-avoided'), body.properties.avoided);
        list(document.getElementById('route-nearby'), body.properties.hazardsNearby);
        result.hidden = false;
        el.dataset.state = 'planned';
      })
      .catch(() => {
        // No answer, or one that could not be drawn: say so rather than leave the page waiting.
        result.hidden = true;
        error.textContent = form.dataset.failed;
        error.hidden = false;
        el.dataset.state = 'refused';
      });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    plan();
  });
})();
