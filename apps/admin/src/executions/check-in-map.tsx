import 'leaflet/dist/leaflet.css';
import { Box } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef } from 'react';

export interface MapMarker {
  readonly latitude: number;
  readonly longitude: number;
  /** Metres; drawn as a circle around the marker when known. */
  readonly radiusMeters: number | null;
  readonly label: string;
  readonly kind: 'check-in' | 'point';
}

/** Close enough to tell one gate from the next when there is a single marker. */
const SINGLE_MARKER_ZOOM = 18;

/**
 * Check-in positions on a Leaflet map. This module is loaded on demand (React.lazy) so Leaflet
 * stays out of every other page. Markers are vector circles, not image icons, so nothing but
 * tiles is fetched — and with no tile URL configured, not even those: the markers sit on a blank
 * map (offline sites, tests).
 */
export default function CheckInMap({
  markers,
  tileUrl,
  attribution,
}: {
  markers: readonly MapMarker[];
  tileUrl: string | null;
  attribution: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current || markers.length === 0) return;
    const map = L.map(container.current, { scrollWheelZoom: false, attributionControl: true });
    if (tileUrl) L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
    const bounds = L.latLngBounds([]);
    for (const marker of markers) {
      const at = L.latLng(marker.latitude, marker.longitude);
      bounds.extend(at);
      if (marker.radiusMeters !== null && marker.radiusMeters > 0)
        L.circle(at, {
          radius: marker.radiusMeters,
          color: marker.kind === 'point' ? '#868e96' : '#228be6',
          weight: 1,
          fillOpacity: 0.08,
          interactive: false,
        }).addTo(map);
      L.circleMarker(at, {
        radius: marker.kind === 'point' ? 5 : 8,
        color: marker.kind === 'point' ? '#495057' : '#1864ab',
        fillColor: marker.kind === 'point' ? '#adb5bd' : '#339af0',
        fillOpacity: 0.9,
        weight: 2,
        className: marker.kind === 'point' ? 'point-marker' : 'check-in-marker',
      })
        .bindTooltip(marker.label)
        .addTo(map);
    }
    if (markers.length === 1) map.setView(bounds.getCenter(), SINGLE_MARKER_ZOOM);
    else map.fitBounds(bounds, { padding: [32, 32], maxZoom: SINGLE_MARKER_ZOOM });
    return () => {
      map.remove();
    };
  }, [markers, tileUrl, attribution]);

  return (
    <Box
      ref={container}
      h={320}
      data-testid="check-in-map"
      role="region"
      aria-label="Map of check-in positions"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
        // The blank map's ground when no tiles are configured.
        background: 'var(--mantine-color-gray-1)',
        zIndex: 0,
      }}
    />
  );
}
