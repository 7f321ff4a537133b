//! Quantitative facts: shares, stakes, money and counts (work in progress).

use model::{Fact, Mention, Sentence, TimeExpr, Token};

/// Every quantitative fact in `text`, in text order.
pub fn facts(
    _text: &str,
    _sentences: &[Sentence],
    _tokens: &[Token],
    _mentions: &[Mention],
    _times: &[TimeExpr],
) -> Vec<Fact> {
    Vec::new()
}

/// People killed according to `facts`: the sum of the `killed` counts, `Some(0)`
/// when the text says nobody died, `None` when it says nothing.
pub fn fatalities(facts: &[Fact]) -> Option<u64> {
    let mut any = false;
    let mut sum = 0u64;
    for f in facts.iter().filter(|f| f.measure == "killed") {
        any = true;
        sum = sum.saturating_add(f.value.max(0.0) as u64);
    }
    any.then_some(sum)
}
