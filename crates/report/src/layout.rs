//! Force-directed layout (Fruchterman & Reingold 1991) with a fixed seed, so
//! the same network is always drawn the same way.

/// A small, fast, reproducible generator (SplitMix64); no need for a crate.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Pull towards the centre per unit of distance, relative to the forces
/// between nodes; found by looking at drawings of news networks.
const GRAVITY: f64 = 2.0;

/// Positions of `n` nodes inside `[margin, width - margin] × [margin, height - margin]`.
/// `edges` are `(a, b, weight)`; heavier edges pull harder. A weak pull to
/// the centre keeps unconnected parts on the canvas.
pub fn fruchterman_reingold(
    n: usize,
    edges: &[(usize, usize, f64)],
    width: f64,
    height: f64,
    margin: f64,
    seed: u64,
    iterations: usize,
) -> Vec<(f64, f64)> {
    let mut rng = SplitMix::new(seed);
    let (w, h) = (
        (width - 2.0 * margin).max(1.0),
        (height - 2.0 * margin).max(1.0),
    );
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| (rng.next_f64() * w, rng.next_f64() * h))
        .collect();
    if n == 0 {
        return pos;
    }
    if n == 1 {
        return vec![(width / 2.0, height / 2.0)];
    }
    let k = (w * h / n as f64).sqrt();
    let max_w = edges.iter().map(|e| e.2).fold(0.0f64, f64::max).max(1e-9);
    let mut disp = vec![(0.0f64, 0.0f64); n];
    let t0 = w.min(h) / 8.0;
    let (cx, cy) = (w / 2.0, h / 2.0);
    for it in 0..iterations {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (mut dx, mut dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-6 {
                    // Coincident nodes: push apart in a fixed direction.
                    dx = 0.1 * (i as f64 - j as f64);
                    dy = 0.1;
                    d2 = dx * dx + dy * dy;
                }
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b, wt) in edges {
            if a >= n || b >= n || a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d / k * (0.6 + 0.4 * wt / max_w);
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        let t = t0 * (1.0 - it as f64 / iterations as f64) + 0.5;
        for i in 0..n {
            // A spring to the centre instead of walls: nodes with few ties
            // would otherwise be pushed against the frame and pile up there.
            disp[i].0 += (cx - pos[i].0) * GRAVITY;
            disp[i].1 += (cy - pos[i].1) * GRAVITY;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt();
            if len > 0.0 && len.is_finite() {
                pos[i].0 += disp[i].0 / len * len.min(t);
                pos[i].1 += disp[i].1 / len * len.min(t);
            }
        }
    }
    // Stretch to fill the frame.
    let (minx, maxx) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (miny, maxy) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let sx = if maxx - minx > 1e-6 {
        w / (maxx - minx)
    } else {
        0.0
    };
    let sy = if maxy - miny > 1e-6 {
        h / (maxy - miny)
    } else {
        0.0
    };
    pos.iter()
        .map(|p| {
            let x = if sx > 0.0 { (p.0 - minx) * sx } else { w / 2.0 };
            let y = if sy > 0.0 { (p.1 - miny) * sy } else { h / 2.0 };
            (margin + x, margin + y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_deterministic_and_in_frame() {
        let edges = [(0, 1, 1.0), (1, 2, 3.0), (2, 0, 1.0), (3, 4, 1.0)];
        let a = fruchterman_reingold(5, &edges, 400.0, 300.0, 20.0, 7, 200);
        let b = fruchterman_reingold(5, &edges, 400.0, 300.0, 20.0, 7, 200);
        assert_eq!(a, b);
        for &(x, y) in &a {
            assert!(
                (20.0..=380.0).contains(&x) && (20.0..=280.0).contains(&y),
                "{x},{y}"
            );
        }
        // Tied nodes end closer than the average pair.
        let d = |i: usize, j: usize| ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
        assert!(d(3, 4) < d(0, 3).max(d(1, 4)));
    }

    #[test]
    fn tiny_graphs_do_not_break() {
        assert!(fruchterman_reingold(0, &[], 100.0, 100.0, 10.0, 1, 10).is_empty());
        assert_eq!(
            fruchterman_reingold(1, &[], 100.0, 100.0, 10.0, 1, 10),
            vec![(50.0, 50.0)]
        );
        let two = fruchterman_reingold(2, &[(0, 1, 1.0)], 100.0, 100.0, 10.0, 1, 10);
        assert!(two.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    }
}
