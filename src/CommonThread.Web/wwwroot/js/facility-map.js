// The facility map where JavaScript runs: Leaflet (wwwroot/lib/leaflet, from npm) in place of the server's SVG picture.
// The picture works without this file; this adds panning and zooming, asking the server for finer circles
// (GET …/map/clusters, the same gathering as the picture) each time the view settles. The site's
// Content-Security-Policy allows no inline script or style markup: everything here is built as DOM nodes.
(() => {
  'use strict';
  const live = document.getElementById('facility-map-live');
  const picture = document.getElementById('facility-map');
  if (!live || !picture || typeof L === 'undefined') return;
  const data = live.dataset;
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const format = (text, ...values) => text.replace(/\{(\d)\}/g, (_, i) => number.format(values[+i]));
  const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value));
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  live.hidden = false;
  // The picture stays for screen readers (its links name every circle) but leaves the tab order to the map's own markers.
  picture.classList.add('visually-hidden');
  picture.querySelectorAll('a').forEach((link) => link.setAttribute('tabindex', '-1'));

  // People who asked their system for less motion get a map that jumps instead of gliding and fading.
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(live, {
    zoomControl: false, attributionControl: false, minZoom: 1, maxZoom: 18, maxBounds: [[-90, -540], [90, 540]],
    fadeAnimation: !still, zoomAnimation: !still, markerZoomAnimation: !still,
  });
  L.control.zoom({ zoomInTitle: data.textZoomIn, zoomOutTitle: data.textZoomOut }).addTo(map);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 18 }).addTo(map);
  } else {
    fetch(data.outlines)
      .then((response) => (response.ok ? response.json() : null))
      .then((shapes) => shapes && L.geoJSON(shapes, { interactive: false, style: { color: '#9a9384', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(map).bringToBack());
  }

  const bounds = (data.bounds || '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: [40, 40], maxZoom: 8 });
  } else {
    map.setView([20, 10], 2);
  }

  map.on('popupopen', (event) => {
    // Leaflet names its close button in English; the page gave the word in the reader's language.
    event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', data.textClose);
  });

  function popup(cluster, label) {
    const box = element('div', 'map-popup');
    if (cluster.facility) {
      const link = element('a', '', cluster.facility.name);
      link.href = `/o/${data.org}/facilities/${cluster.facility.id}`;
      const title = element('p');
      title.append(link, ` (${cluster.facility.country})`);
      box.append(title, element('p', '', cluster.facility.hasUnion ? data.textUnion : data.textNoUnion));
      return box;
    }

    box.append(element('p', 'map-popup-count', label));
    if (cluster.country) {
      const link = element('a', '', data.textList);
      link.href = `/o/${data.org}/facilities?country=${encodeURIComponent(cluster.country)}`;
      const line = element('p');
      line.append(link);
      box.append(line);
    }

    const zoom = element('button', '', data.textZoomIn);
    zoom.type = 'button';
    zoom.addEventListener('click', () => map.setView([cluster.latitude, cluster.longitude], Math.min(map.getZoom() + 2, map.getMaxZoom())));
    box.append(zoom);
    return box;
  }

  function marker(cluster) {
    const single = cluster.facility !== null;
    const label = single ? `${cluster.facility.name} (${cluster.facility.country})` : format(data.textCluster, cluster.count, cluster.withUnion);
    const size = single ? 18 : Math.round(26 + 10 * Math.log10(cluster.count));
    const dot = element('span', 'map-dot');
    // The union share as the ring's green arc: a custom property set through the CSSOM, which the policy allows.
    dot.style.setProperty('--union', `${((cluster.withUnion / cluster.count) * 360).toFixed(1)}deg`);
    if (!single) dot.append(element('span', '', number.format(cluster.count)));
    const point = L.marker([cluster.latitude, cluster.longitude], {
      icon: L.divIcon({ html: dot, className: single ? 'map-point map-single' : 'map-point map-group', iconSize: [size, size] }),
      title: label,
      riseOnHover: true,
      circle: keyOf(cluster),
    });
    point.on('add', () => point.getElement()?.setAttribute('aria-label', label));
    return point.bindPopup(() => popup(cluster, label));
  }

  const keyOf = (cluster) => `${cluster.latitude},${cluster.longitude},${cluster.count},${cluster.withUnion}`;
  const circles = L.layerGroup().addTo(map);
  let asked = 0;
  let shown = '';
  let loaded = 0;
  async function load() {
    // A margin beyond the view, so circles at its edge are whole and a small pan asks nothing new of them.
    const view = map.getBounds().pad(0.25);
    const box = { west: clamp(view.getWest(), 180), south: clamp(view.getSouth(), 90), east: clamp(view.getEast(), 180), north: clamp(view.getNorth(), 90) };
    if (box.west >= box.east || box.south >= box.north) return;
    const query = new URLSearchParams({ west: box.west.toFixed(5), south: box.south.toFixed(5), east: box.east.toFixed(5), north: box.north.toFixed(5), zoom: String(map.getZoom()) });
    if (data.country) query.set('country', data.country);
    const mine = ++asked;
    const response = await fetch(`${data.clusters}?${query}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok || mine !== asked) return;
    const answer = await response.json();
    if (mine !== asked) return;
    // A pan that brings no new circle (opening a pop-up near the edge, turning a phone) leaves the circles, and
    // their open pop-up, as they are; new circles keep the pop-up of a circle that is still there open.
    const keys = answer.clusters.map(keyOf).join(';');
    if (keys !== shown) {
      const open = circles.getLayers().find((layer) => layer.isPopupOpen())?.options.circle;
      circles.clearLayers();
      answer.clusters.forEach((cluster) => circles.addLayer(marker(cluster)));
      const again = circles.getLayers().find((layer) => layer.options.circle === open);
      if (again) {
        // Not panned to: the pan would load again, and a pop-up wider than a phone would pan for ever.
        again.getPopup().options.autoPan = false;
        again.openPopup();
      }
      shown = keys;
    }
    // What the browser tests wait for: the zoom the circles on the map were gathered for, and each answer taken.
    live.dataset.zoom = String(answer.zoom);
    live.dataset.loaded = String(++loaded);
  }

  map.on('moveend', load);
  load();
})();
