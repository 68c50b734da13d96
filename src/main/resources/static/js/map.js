// Draws the map from the layers Custodian serves: no tile server, no internet needed.
// Without data-region: every layer; with it: one region, fitted, with its settlements.
(function () {
  const el = document.getElementById('map');
  if (!el) return;
  const lang = el.dataset.lang || 'en';
  const onlyRegion = el.dataset.region || null;
  const map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.setPrefix('Custodian');
  map.setView([39.6, 46.7], 8);
  L.control.scale({ imperial: false }).addTo(map);
  const drawn = {};
  // The drawn layers by id, for tests and tools that open a feature's pop-up.
  el.drawnLayers = drawn;

  const localName = (p) => p['name_' + lang] || p.name;
  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  const styles = {
    regions: (f) => ({
      color: '#1f3a56', weight: f.properties.code === onlyRegion ? 3 : 1.5,
      fillColor: f.properties.code === onlyRegion ? '#c8702a' : '#d8e2ec',
      fillOpacity: onlyRegion && f.properties.code !== onlyRegion ? 0.15 : 0.45,
    }),
  };

  function regions(fc) {
    return L.geoJSON(fc, {
      style: styles.regions,
      onEachFeature: (f, layer) => {
        layer.bindTooltip(escape(localName(f.properties)), { permanent: true, direction: 'center', className: 'region-label' });
        layer.on('click', () => { window.location.href = '/regions/' + encodeURIComponent(f.properties.code); });
        layer.on('mouseover', () => layer.setStyle({ weight: 3 }));
        layer.on('mouseout', () => layer.setStyle(styles.regions(f)));
      },
    });
  }

  function settlements(fc) {
    return L.geoJSON(fc, {
      filter: (f) => !onlyRegion || f.properties.region_code === onlyRegion,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        radius: f.properties.kind === 'CITY' || f.properties.kind === 'DISTRICT_CENTRE' ? 7 : 5,
        color: '#fff', weight: 1.5, fillColor: '#c8702a', fillOpacity: 1,
      }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        const figure = p.population_latest == null
          ? '<em>' + escape(el.dataset.nofigure) + '</em>'
          : escape(el.dataset.population) + ': <strong>' + Number(p.population_latest).toLocaleString(lang) + '</strong><br><small>'
            + escape(el.dataset.source) + ': ' + escape(p.population_source) + '</small>';
        layer.bindPopup('<strong>' + escape(localName(p)) + '</strong><br>' + figure
          + '<br><a href="/regions/' + encodeURIComponent(p.region_code) + '">' + escape(el.dataset.open) + '</a>');
        layer.bindTooltip(escape(localName(p)), { direction: 'right', offset: [6, 0] });
      },
    });
  }

  const builders = { regions, settlements };
  // Any other module's layer: drawn in the colour it declares. Its pop-up is written by the server in the
  // reader's language (names of properties and codes, numbers, areas, times) with a link to the record.
  const generic = (info) => (fc) => L.geoJSON(fc, {
    style: () => ({ color: info.color, weight: 2, fillOpacity: 0.25 }),
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, color: '#fff', weight: 1, fillColor: info.color, fillOpacity: 1 }),
    onEachFeature: (f, layer) => {
      const p = f.properties || {};
      const title = p.name || p.title || p.reference || f.id;
      layer.bindPopup('<strong>' + escape(title) + '</strong>', { maxWidth: 320 });
      layer.on('popupopen', (e) => {
        if (layer.popupLoaded) return;
        fetch('/map/layers/' + encodeURIComponent(info.id) + '/items/' + encodeURIComponent(f.id) + '/popup',
          { headers: { Accept: 'text/html' } })
          .then((r) => (r.ok ? r.text() : null))
          .then((html) => {
            if (!html) return;
            layer.popupLoaded = true;
            e.popup.setContent(html);
          });
      });
    },
  });

  // Fetch every layer, then draw them in a fixed order: regions (the basemap) first, points last.
  const order = (info) => (info.id === 'regions' ? 0 : info.geometryType.includes('Point') ? 2 : 1);
  fetch('/map/layers', { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((layers) => Promise.all(layers.map((info) =>
      fetch(info.href, { headers: { Accept: 'application/geo+json' } })
        .then((r) => r.json())
        .then((fc) => ({ info, fc })))))
    .then((loaded) => {
      loaded.sort((a, b) => order(a.info) - order(b.info));
      loaded.forEach(({ info, fc }) => {
        drawn[info.id] = (builders[info.id] || generic(info))(fc).addTo(map);
        const count = document.querySelector('[data-count-for="' + info.id + '"]');
        // A full page of a large layer is not counted: show what was drawn, and that more exist.
        if (count) count.textContent = fc.numberMatched >= 0 ? fc.numberMatched : fc.numberReturned + '+';
      });
      if (drawn.regions) {
        let bounds = drawn.regions.getBounds();
        if (onlyRegion) {
          drawn.regions.eachLayer((l) => { if (l.feature.properties.code === onlyRegion) bounds = l.getBounds(); });
        }
        map.fitBounds(bounds, { padding: [12, 12] });
      }
      el.dataset.ready = 'true';
    });

  document.querySelectorAll('input[data-layer]').forEach((box) => box.addEventListener('change', () => {
    const layer = drawn[box.dataset.layer];
    if (!layer) return;
    if (box.checked) layer.addTo(map); else map.removeLayer(layer);
  }));
})();
