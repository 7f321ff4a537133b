//! The map of event places: circles over the country outlines of
//! [`crate::basemap`], equirectangular, countries named by events' places
//! shaded. The report's map section and the server's `/map` page draw it.

use crate::basemap;
use crate::components::Links;
use maud::{html, Markup};
use std::collections::{BTreeMap, BTreeSet};

/// The figure's size in pixels: the whole world, 0.375 px a tenth of a degree.
const W: f64 = 960.0;
const H: f64 = 480.0;

/// A place events happened at.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub events: usize,
}

/// Where a set of events happened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    /// Places with coordinates, most events first (then by name).
    pub places: Vec<Place>,
    /// ISO alpha-3 codes of the countries events' places name.
    pub countries: BTreeSet<String>,
}

impl Places {
    /// The places of `events`, by name: a place is where its first event
    /// with valid coordinates puts it.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a model::Event>) -> Places {
        let mut by_name: BTreeMap<&str, Place> = BTreeMap::new();
        let mut countries = BTreeSet::new();
        for p in events.into_iter().filter_map(|e| e.place.as_ref()) {
            if let Some(c) = &p.country {
                countries.insert(c.clone());
            }
            let Some((lat, lon)) = located(p) else {
                continue;
            };
            by_name
                .entry(&p.name)
                .or_insert_with(|| Place {
                    name: p.name.clone(),
                    lat,
                    lon,
                    events: 0,
                })
                .events += 1;
        }
        let mut places: Vec<Place> = by_name.into_values().collect();
        places.sort_by(|a, b| b.events.cmp(&a.events).then(a.name.cmp(&b.name)));
        Places { places, countries }
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// A place's latitude and longitude, when it has them and they are on the
/// globe; only such places are drawn.
pub fn located(p: &model::Place) -> Option<(f64, f64)> {
    let (lat, lon) = (p.lat?, p.lon?);
    (lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0)
        .then_some((lat, lon))
}

/// Page pixels of a latitude and longitude.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) / 360.0 * W, (90.0 - lat) / 180.0 * H)
}

/// What the figure shows, in a sentence or two.
pub fn map_caption(p: &Places) -> Markup {
    html! {
        p.lead { (p.places.len()) " places with coordinates, from the events' places (equirectangular; lines every 30°). Circles grow with events; hover for the name. Countries where events happened are shaded; outlines from Natural Earth (1:110m)." }
    }
}

/// The map: outlines first, then the graticule, then a circle per place
/// (a link where `links` has one), so the circles are drawn over the rest.
pub fn map_figure(p: &Places, links: &dyn Links) -> Markup {
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox={"0 0 " (W) " " (H)} width=(W) height=(H) role="img" {
            title { "Event places" }
            // Outlines are in tenths of a degree (see `basemap`); the
            // stroke is in those units too, so about half a pixel.
            g.basemap transform=(format!("scale({})", W / basemap::GRID_W)) fill="#ececec" stroke="#9a9a9a" stroke-width="2" stroke-linejoin="round" {
                @for c in basemap::countries() {
                    path d=(c.path) fill=[p.countries.contains(c.code).then_some("#d5dbe3")] {
                        title { (c.name) }
                    }
                }
            }
            @for i in 0..=12 { line x1=(i as f64 * W / 12.0) y1="0" x2=(i as f64 * W / 12.0) y2=(H) stroke="#e5e5e5" {} }
            @for i in 0..=6 { line x1="0" y1=(i as f64 * H / 6.0) x2=(W) y2=(i as f64 * H / 6.0) stroke="#e5e5e5" {} }
            @for place in &p.places {
                @match links.place(&place.name) {
                    Some(href) => a href=(href) { (marker(place)) },
                    None => (marker(place)),
                }
            }
        }
    }
}

fn marker(p: &Place) -> Markup {
    let (x, y) = project(p.lat, p.lon);
    html! {
        circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(format!("{:.1}", 2.5 + (p.events as f64).sqrt() * 1.5)) fill="#c0392b" fill-opacity="0.6" stroke="#333" {
            title { (p.name) ": " (p.events) " events" }
        }
    }
}

/// The first `limit` places as a table: name, events, coordinates.
pub fn places_table(p: &Places, links: &dyn Links, limit: usize) -> Markup {
    html! {
        table.places {
            thead { tr { th { "place" } th { "events" } th { "lat, lon" } } }
            tbody { @for place in p.places.iter().take(limit) {
                tr {
                    td { @match links.place(&place.name) {
                        Some(href) => a href=(href) { (place.name) },
                        None => (place.name),
                    } }
                    td.n { (place.events) }
                    td.n { (format!("{:.2}, {:.2}", place.lat, place.lon)) }
                }
            } }
        }
    }
}
