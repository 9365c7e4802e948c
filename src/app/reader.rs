//! The reading view: the article as its articles, paragraphs and addressable sentences.

use leptos::prelude::*;

use super::Text;
use crate::reading::{Piece, ReadingArticle, ReadingParagraph, Run};

/// The article column.
#[component]
pub fn Reader(
    /// The reading model of the current analysis.
    reading: Memo<Vec<ReadingArticle>>,
    /// The analysed text; the empty state's buttons write it.
    text: Text,
) -> impl IntoView {
    let Text(text) = text;
    view! {
        <section id="reader" class="reader" aria-label="Article">
            {move || {
                if reading.with(|r| r.iter().all(|a| a.paragraphs.is_empty())) {
                    view! { <EmptyState text=text /> }.into_any()
                } else {
                    reading
                        .with(|articles| articles.iter().map(article_view).collect_view())
                        .into_any()
                }
            }}
        </section>
    }
}

/// What the reader sees before any text is in.
#[component]
fn EmptyState(
    /// Written by the "sample" button.
    text: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="empty">
            <div class="empty-mark" aria-hidden="true">"¶"</div>
            <h2>"Nothing to read yet"</h2>
            <p>
                "Paste a news article anywhere on this page, drop a text file on it, or open one. "
                "Lede splits it into articles, paragraphs and sentences, all in your browser."
            </p>
            <button type="button" on:click=move |_| text.set(crate::SAMPLE_ARTICLE.to_string())>
                "Try the sample article"
            </button>
        </div>
    }
}

fn article_view(article: &ReadingArticle) -> impl IntoView {
    let label = match &article.place {
        Some(place) => format!("Article {} · {}", article.index + 1, place),
        None => format!("Article {}", article.index + 1),
    };
    view! {
        <article class="article" data-article=article.index.to_string()>
            <div class="article-label">{label}</div>
            {article.paragraphs.iter().map(paragraph_view).collect_view()}
        </article>
    }
}

fn paragraph_view(paragraph: &ReadingParagraph) -> impl IntoView {
    view! {
        <p
            class="para"
            data-paragraph=paragraph.index.to_string()
            data-role=paragraph.role.as_str()
        >
            {paragraph
                .runs
                .iter()
                .map(|run| match run {
                    Run::Gap(gap) => gap.clone().into_any(),
                    Run::Sentence { index, pieces } => view! {
                        <span class="sentence" data-sentence=index.to_string()>
                            {pieces.iter().map(piece_view).collect_view()}
                        </span>
                    }
                    .into_any(),
                })
                .collect_view()}
        </p>
    }
}

fn piece_view(piece: &Piece) -> AnyView {
    if piece.dateline {
        view! { <span class="dateline">{piece.text.clone()}</span> }.into_any()
    } else {
        piece.text.clone().into_any()
    }
}
