//! RSS 2.0 and Atom feeds: one document per item.

use crate::{html::html_to_text, Draft, IngestError, Parsed};

pub(crate) fn parse(
    bytes: &[u8],
    origin: &str,
    parsed: &mut Parsed,
) -> Result<Vec<Draft>, IngestError> {
    // An item with neither id nor link gets a random UUID from feed-rs by
    // default: an empty id instead makes it fall back on the content hash,
    // so the same feed gives the same ids every time.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|links, title, uri| {
            if links.is_empty() && (uri.is_none() || title.is_none()) {
                String::new()
            } else {
                feed_rs::parser::generate_id(links, title, uri)
            }
        })
        .build();
    let feed = parser.parse(bytes).map_err(|e| IngestError::Feed {
        origin: origin.into(),
        message: e.to_string(),
    })?;
    let source = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for (i, e) in feed.entries.into_iter().enumerate() {
        // content:encoded (full text) beats the summary when both are there.
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html_to_text(&body);
        let title = e
            .title
            .as_ref()
            .map(|t| html_to_text(&t.content))
            .filter(|t| !t.is_empty());
        if text.trim().is_empty() {
            parsed.error(
                origin,
                None,
                format!(
                    "feed item {} ({:?}) has no text; skipped",
                    i + 1,
                    title.as_deref().unwrap_or("")
                ),
            );
            continue;
        }
        let url = e.links.first().map(|l| l.href.clone());
        // Feed-generated ids (hashes of the feed's own making) are stable per item;
        // when absent, the content hash is used.
        let id = (!e.id.trim().is_empty() && e.id.len() <= 200).then(|| e.id.clone());
        out.push(Draft {
            id,
            title,
            author: (!e.authors.is_empty()).then(|| {
                e.authors
                    .iter()
                    .filter_map(|a| a.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            date: e.published.or(e.updated).map(|d| d.date_naive()),
            url,
            source: source.clone(),
            text,
            boilerplate: Vec::new(),
        });
    }
    if out.is_empty() && parsed.skipped == 0 {
        parsed.warn(origin, None, "feed has no items".into());
    }
    Ok(out)
}
