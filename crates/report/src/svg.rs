//! Inline SVG figures: the network drawing and dyad timelines.

use crate::layout::fruchterman_reingold;
use crate::{escape, Ctx, PALETTE};
use analysis::MonthBin;
use std::fmt::Write;

const W: f64 = 960.0;
const H: f64 = 640.0;
/// Fixed, so the same data always gives the same picture.
const SEED: u64 = 0x5EED_E27E;

/// The network drawing of the nodes in `shown` (indices into the network);
/// each node and line is a link where `links` has an address for its actor
/// or dyad.
pub(crate) fn network(
    cx: &Ctx,
    shown: &[usize],
    community: &[usize],
    links: &dyn crate::components::Links,
) -> String {
    // An `<a>` around a shape that links, nothing around one that does not.
    let wrap = |href: Option<String>| match href {
        Some(h) => (format!("<a href=\"{}\">", escape(&h)), "</a>"),
        None => (String::new(), ""),
    };
    let local = |v: usize| shown.binary_search(&v).ok();
    let ties: Vec<(usize, usize, &analysis::Tie)> = cx
        .net
        .ties
        .iter()
        .filter_map(|t| Some((local(t.a)?, local(t.b)?, t)))
        .collect();
    let edges: Vec<(usize, usize, f64)> = ties
        .iter()
        .map(|&(a, b, t)| (a, b, (1.0 + t.stats.events as f64).ln()))
        .collect();
    let pos = fruchterman_reingold(shown.len(), &edges, W, H, 60.0, SEED, 300);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"net\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-labelledby=\"net-title\"><title id=\"net-title\">Network of {} actors and {} dyads</title>",
        shown.len(),
        ties.len()
    );
    s.push_str("<g class=\"edges\">\n");
    for &(a, b, t) in &ties {
        let st = &t.stats;
        let colour = if st.net() <= 0.0 {
            "#c0392b"
        } else if st.quad[1] > st.quad[0] {
            "#2f6fb0"
        } else {
            "#2a9d4a"
        };
        let width = 1.0 + 1.6 * (st.events as f64).ln_1p();
        let (open, close) = wrap(links.dyad(&cx.net.nodes[t.a].code, &cx.net.nodes[t.b].code));
        let _ = writeln!(
            s,
            "{}<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"{width:.1}\" stroke-opacity=\"0.7\"><title>{} – {}: {} events, cooperation {:.1}, conflict {:.1}, mean Goldstein {:+.2}</title></line>{close}",
            open,
            pos[a].0,
            pos[a].1,
            pos[b].0,
            pos[b].1,
            escape(cx.node(t.a)),
            escape(cx.node(t.b)),
            st.events,
            st.cooperation,
            st.conflict,
            st.mean_goldstein()
        );
    }
    s.push_str("</g>\n<g class=\"nodes\">\n");
    let mut labels = String::new();
    for (li, &v) in shown.iter().enumerate() {
        let node = &cx.net.nodes[v];
        let r = 4.0 + 1.4 * (node.events as f64).sqrt().min(12.0);
        let fill = PALETTE[community.get(v).copied().unwrap_or(0) % PALETTE.len()];
        let (x, y) = pos[li];
        let (open, close) = wrap(links.actor(&node.code));
        let _ = writeln!(
            s,
            "{}<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"1\"><title>{}: {} events ({} sent, {} received)</title></circle>{close}",
            open,
            escape(&cx.name(&node.code)),
            node.events,
            node.sent,
            node.received,
        );
        // Labels near the right edge go to the left of their node.
        let left = x > W - 130.0;
        let _ = writeln!(
            labels,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"lbl\"{}>{}</text>",
            if left { x - r - 2.0 } else { x + r + 2.0 },
            y + 4.0,
            if left { " text-anchor=\"end\"" } else { "" },
            escape(&cx.short_name(&node.code))
        );
    }
    // Labels last, so no node or line covers them.
    s.push_str("</g>\n<g class=\"labels\">\n");
    s.push_str(&labels);
    s.push_str("</g>\n</svg>\n");
    s
}

/// Bars per month: cooperation (sum of positive Goldstein) upwards in green,
/// conflict downwards in red, event counts on hover.
pub(crate) fn timeline(label: &str, bins: &[MonthBin]) -> String {
    let (w, h) = (720.0, 180.0);
    let (left, right, top, bottom) = (40.0, 10.0, 12.0, 34.0);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\"><title>{}: cooperation and conflict by month</title>",
        escape(label)
    );
    if bins.is_empty() {
        s.push_str("<text x=\"10\" y=\"20\">no dated events</text></svg>\n");
        return s;
    }
    // Cooperation above the zero line, conflict below, on one scale.
    let maxc = bins.iter().map(|b| b.cooperation).fold(0.0f64, f64::max);
    let maxf = bins.iter().map(|b| b.conflict).fold(0.0f64, f64::max);
    let total = maxc + maxf;
    let ah = h - top - bottom;
    let (zero, scale) = if total > 0.0 {
        (top + ah * maxc / total, ah / total)
    } else {
        (top + ah / 2.0, 0.0)
    };
    let max = maxc.max(maxf);
    let step = (w - left - right) / bins.len() as f64;
    // Narrow bars even when there are few months, so one bin is not a slab.
    let bar = (step * 0.7).clamp(1.0, 36.0);
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{zero:.1}\" x2=\"{:.1}\" y2=\"{zero:.1}\" stroke=\"#555\" stroke-width=\"1\"/><text x=\"2\" y=\"{:.1}\" class=\"ax\">{max:.0}</text>",
        w - right,
        top + 8.0
    );
    let label_every = (bins.len() / 12).max(1);
    for (i, b) in bins.iter().enumerate() {
        let x = left + i as f64 * step + (step - bar) / 2.0;
        let hc = b.cooperation * scale;
        let hf = b.conflict * scale;
        let tip = format!(
            "{}: {} events, cooperation {:.1}, conflict {:.1}",
            b.month, b.events, b.cooperation, b.conflict
        );
        if hc > 0.0 {
            let _ = writeln!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{hc:.1}\" fill=\"#2a9d4a\"><title>{}</title></rect>",
                zero - hc,
                escape(&tip)
            );
        }
        if hf > 0.0 {
            let _ = writeln!(
                s,
                "<rect x=\"{x:.1}\" y=\"{zero:.1}\" width=\"{bar:.1}\" height=\"{hf:.1}\" fill=\"#c0392b\"><title>{}</title></rect>",
                escape(&tip)
            );
        }
        if i % label_every == 0 {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"ax\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                h - 8.0,
                escape(&b.month)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
