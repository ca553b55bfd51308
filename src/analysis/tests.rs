//! Sentences written for these tests, news-like, with the tags and lemmas a careful reader
//! would state.

use super::*;

/// (text, [(token, Penn tag, lemma)]) for the tokens worth checking.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

fn check(cases: &[Case]) {
    for (text, want) in cases {
        let doc = Document::new(*text);
        let tokens = Tokens::new(&doc);
        assert_eq!(tokens.len(), doc.tokens.len());
        for &(word, tag, lemma) in *want {
            let i = (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == word)
                .unwrap_or_else(|| panic!("no token {word:?} in {text:?}"));
            assert_eq!(
                (tokens.tag(i).as_str(), tokens.lemma(i)),
                (tag, lemma),
                "{word:?} in {text:?}"
            );
        }
    }
}

#[test]
fn tags_and_lemmas_of_news_sentences() {
    check(&[
        (
            "The minister pledged to cut taxes.",
            &[
                ("The", "DT", "the"),
                ("minister", "NN", "minister"),
                ("pledged", "VBD", "pledge"),
                ("to", "TO", "to"),
                ("cut", "VB", "cut"),
                ("taxes", "NNS", "tax"),
                (".", ".", "."),
            ],
        ),
        (
            "She has ruled out a second vote.",
            &[
                ("She", "PRP", "she"),
                ("has", "VBZ", "have"),
                ("ruled", "VBN", "rule"),
                ("out", "RP", "out"),
                ("vote", "NN", "vote"),
            ],
        ),
        (
            "Talks are expected to resume.",
            &[
                ("Talks", "NNS", "talk"),
                ("are", "VBP", "be"),
                ("expected", "VBN", "expect"),
                ("resume", "VB", "resume"),
            ],
        ),
        (
            "The company said it would not sell the mines.",
            &[
                ("company", "NN", "company"),
                ("said", "VBD", "say"),
                ("it", "PRP", "it"),
                ("would", "MD", "would"),
                ("not", "RB", "not"),
                ("sell", "VB", "sell"),
                ("mines", "NNS", "mine"),
            ],
        ),
        (
            "Apple said prices would rise. Service was slow.",
            &[("Apple", "NNP", "apple"), ("Service", "NN", "service")],
        ),
        (
            "Officials were pledging more aid on Monday.",
            &[
                ("Officials", "NNS", "official"),
                ("were", "VBD", "be"),
                ("pledging", "VBG", "pledge"),
                ("Monday", "NNP", "monday"),
            ],
        ),
    ]);
}

#[test]
fn tokens_of_our_segmenter() {
    check(&[
        (
            "He doesn't think the U.S. will pay $5m.",
            &[
                ("doesn't", "VBZ", "do"),
                ("U.S.", "NNP", "u.s."),
                ("will", "MD", "will"),
                ("$", "$", "$"),
                ("5m", "CD", "5m"),
            ],
        ),
        (
            "Britain’s prime minister can’t attend a long-awaited summit.",
            &[
                ("Britain", "NNP", "britain"),
                ("’s", "POS", "'s"),
                ("can’t", "MD", "can"),
                ("-", "HYPH", "-"),
            ],
        ),
        (
            "\"We won't back down,\" she said.",
            &[
                ("\"", "``", "\""),
                ("won't", "MD", "will"),
                ("said", "VBD", "say"),
            ],
        ),
    ]);
}

#[test]
fn universal_tags_follow_ud() {
    let doc = Document::new("That is what the minister has said she will do.");
    let tokens = Tokens::new(&doc);
    let got: Vec<&str> = (0..tokens.len()).map(|i| tokens.upos(i).as_str()).collect();
    assert_eq!(
        got,
        [
            "PRON", "AUX", "PRON", "DET", "NOUN", "AUX", "VERB", "PRON", "AUX", "VERB", "PUNCT"
        ]
    );
}

#[test]
fn word_ids_and_classes() {
    let doc = Document::new("They said they were ready. May we go in May?");
    let tokens = Tokens::new(&doc);
    assert_eq!(tokens.word(0), tokens.word(2), "They and they share an id");
    assert_eq!(tokens.lower(0), "they");
    assert!(tokens.has(
        0,
        WordClasses::PRONOUN | WordClasses::PLURAL | WordClasses::PERSON3
    ));
    assert!(tokens.has(3, WordClasses::BE));
    assert_eq!(tokens.find("say"), Some(tokens.get(1).lemma));
    assert!(tokens.has(6, WordClasses::MODAL));
    assert_eq!(tokens.tag(10), Tag::NNP);
    assert_eq!(Tokens::new(&Document::new("")).len(), 0);
}

#[test]
fn from_words_tags_given_tokens() {
    let words = ["I", "do", "n't", "know", "well", "-", "known", "facts"];
    let glued = [false, false, true, false, false, true, true, false];
    let tokens = Tokens::from_words(&words, &glued);
    let got: Vec<&str> = tokens.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(got, ["PRP", "VBP", "RB", "VB", "RB", "HYPH", "VBN", "NNS"]);
    assert_eq!(tokens.lemma(2), "not");
    assert!(tokens.has(2, WordClasses::NEGATOR));
}

#[test]
fn context_fixes_survive_odd_words() {
    // A plural ending in a non-ASCII letter before "s", and a lone "s", after a name and
    // before a determiner: the shapes the plural-verb fix looks at.
    for text in [
        "In Paris cafés the mood was grim.",
        "Acme s the best.",
        "Anna Berg s a the.",
        "Oslo ès the",
    ] {
        let tokens = Tokens::new(&Document::new(text));
        assert!(!tokens.is_empty(), "{text}");
    }
    // The fix itself: "claims" after a name or pronoun, before a clause, is the verb.
    for text in ["She claims its rival lied.", "He says the plan works."] {
        let tokens = Tokens::new(&Document::new(text));
        assert_eq!(tokens.tag(1), Tag::VBZ, "{text}");
    }
}
