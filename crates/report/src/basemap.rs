//! Country outlines under the map's event places (the report's map section
//! and the server's `/map` page): Natural Earth's 1:110m countries (public
//! domain, via world-atlas), shipped in the crate as
//! `data/countries-110m.tsv` and drawn as inline SVG, so the map works
//! offline and under the server's Content-Security-Policy. Regenerate with
//! `tools/gen_basemap.py` (see `data/README.md`).

use std::sync::OnceLock;

const FILE: &str = "countries-110m.tsv";
const DATA: &str = include_str!("../data/countries-110m.tsv");

/// Path coordinates are tenths of a degree: x = (lon + 180) * 10,
/// y = (90 - lat) * 10, so the whole world is `GRID_W` by `GRID_H`.
pub const GRID_W: f64 = 3600.0;
pub const GRID_H: f64 = 1800.0;

/// One country's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3, as events' places name their country; `-` for
    /// the two territories without one (N. Cyprus, Somaliland).
    pub code: &'static str,
    /// Natural Earth's short name ("Dem. Rep. Congo").
    pub name: &'static str,
    /// SVG path data in the grid above (`M`, relative `l`, `z` only).
    pub path: &'static str,
}

/// Every country of the shipped basemap, read once per process. The table
/// is compiled in and checked by a test; were it ever broken, the map would
/// show its places without outlines rather than fail.
pub fn countries() -> &'static [Country] {
    static ALL: OnceLock<Vec<Country>> = OnceLock::new();
    ALL.get_or_init(|| table().unwrap_or_default())
}

fn table() -> Result<Vec<Country>, lexicon::table::Problem> {
    let rows = lexicon::table::strict_rows(FILE, DATA, &["code", "name", "path"])?;
    Ok(rows
        .into_iter()
        .map(|r| Country {
            code: r.cells[0],
            name: r.cells[1],
            path: r.cells[2],
        })
        .collect())
}

/// The bounding box `(min_x, min_y, max_x, max_y)` of a path in grid
/// units, or `None` if it holds no point or a command this file never
/// writes.
pub fn bbox(path: &str) -> Option<(f64, f64, f64, f64)> {
    let mut pen = (0.0f64, 0.0f64);
    let mut b: Option<(f64, f64, f64, f64)> = None;
    let mut relative = false;
    let mut pending: Option<f64> = None;
    let mut num = String::new();
    for c in path.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        if !num.is_empty() {
            let v: f64 = num.parse().ok()?;
            num.clear();
            match pending.take() {
                None => pending = Some(v),
                Some(u) => {
                    pen = if relative {
                        (pen.0 + u, pen.1 + v)
                    } else {
                        (u, v)
                    };
                    let (x, y) = pen;
                    b = Some(match b {
                        None => (x, y, x, y),
                        Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
                    });
                }
            }
        }
        match c {
            '-' => num.push('-'),
            'M' => relative = false,
            'l' => relative = true,
            ' ' | ',' | 'z' => {}
            _ => return None,
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses_and_stays_on_the_grid() {
        let all = table().expect("the shipped table reads");
        assert_eq!(all.len(), 177, "Natural Earth 1:110m has 177 countries");
        for c in all {
            let (x0, y0, x1, y1) = bbox(c.path).unwrap_or_else(|| panic!("{}: bad path", c.name));
            // Rings across the antimeridian are drawn twice, 360° apart.
            assert!(x0 >= -GRID_W && x1 <= 2.0 * GRID_W, "{}", c.name);
            assert!(y0 >= 0.0 && y1 <= GRID_H, "{}", c.name);
        }
    }

    #[test]
    fn known_countries_sit_where_they_are() {
        let find = |code| countries().iter().find(|c| c.code == code).unwrap();
        // Turkey: about 26-45°E, 36-42°N.
        let (x0, y0, x1, y1) = bbox(find("TUR").path).unwrap();
        assert!((2050.0..2070.0).contains(&x0) && (2240.0..2260.0).contains(&x1));
        assert!((470.0..490.0).contains(&y0) && (530.0..550.0).contains(&y1));
        assert!(bbox("M1 2l3 4q").is_none());
        assert_eq!(bbox("M10 20l5-5 -10 0z"), Some((5.0, 15.0, 15.0, 20.0)));
    }
}
