//! The two tag sets: Penn Treebank tags ([`Tag`], what the tagger assigns, with the extra
//! punctuation tags of the English Web Treebank) and Universal POS tags ([`Upos`]).

/// A Penn Treebank part-of-speech tag, plus the tags the English Web Treebank adds for web and
/// news text (`HYPH`, `NFP`, `ADD`, `AFX`, `GW`, `XX`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    CC,
    CD,
    DT,
    EX,
    FW,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NN,
    NNS,
    NNP,
    NNPS,
    PDT,
    POS,
    PRP,
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WPS,
    WRB,
    /// `$`, and the other currency signs.
    Dollar,
    /// `#`.
    Pound,
    /// An opening quotation mark, written `` `` ``.
    OpenQuote,
    /// A closing quotation mark, written `''`.
    CloseQuote,
    /// `-LRB-`: an opening bracket.
    Lrb,
    /// `-RRB-`: a closing bracket.
    Rrb,
    /// `,`.
    Comma,
    /// `.`, `?`, `!`: sentence-final punctuation.
    Period,
    /// `:`: colons, semicolons, dashes, ellipses.
    Colon,
    /// A hyphen inside a compound ("China-Russia").
    Hyph,
    /// Superfluous punctuation (`***`, `~`).
    Nfp,
    /// An address: URL or e-mail.
    Add,
    /// An affix written apart ("pre-" in "pre- and post-war").
    Afx,
    /// Goes-with: part of a word split by a space.
    Gw,
    /// Unknown.
    Xx,
    /// Beyond either end of a sentence; only the contextual rules see it.
    Staart,
}

impl Tag {
    /// Every tag but [`Tag::Staart`], in declaration order.
    pub const ALL: [Tag; 51] = [
        Tag::CC,
        Tag::CD,
        Tag::DT,
        Tag::EX,
        Tag::FW,
        Tag::IN,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::LS,
        Tag::MD,
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::PDT,
        Tag::POS,
        Tag::PRP,
        Tag::PRPS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::RP,
        Tag::SYM,
        Tag::TO,
        Tag::UH,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::WDT,
        Tag::WP,
        Tag::WPS,
        Tag::WRB,
        Tag::Dollar,
        Tag::Pound,
        Tag::OpenQuote,
        Tag::CloseQuote,
        Tag::Lrb,
        Tag::Rrb,
        Tag::Comma,
        Tag::Period,
        Tag::Colon,
        Tag::Hyph,
        Tag::Nfp,
        Tag::Add,
        Tag::Afx,
        Tag::Gw,
        Tag::Xx,
    ];

    /// The tag as the Penn Treebank writes it: `"NN"`, `"PRP$"`, `"-LRB-"`, `"``"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::DT => "DT",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::IN => "IN",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::LS => "LS",
            Tag::MD => "MD",
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::PDT => "PDT",
            Tag::POS => "POS",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::RP => "RP",
            Tag::SYM => "SYM",
            Tag::TO => "TO",
            Tag::UH => "UH",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::WDT => "WDT",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WRB => "WRB",
            Tag::Dollar => "$",
            Tag::Pound => "#",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::Lrb => "-LRB-",
            Tag::Rrb => "-RRB-",
            Tag::Comma => ",",
            Tag::Period => ".",
            Tag::Colon => ":",
            Tag::Hyph => "HYPH",
            Tag::Nfp => "NFP",
            Tag::Add => "ADD",
            Tag::Afx => "AFX",
            Tag::Gw => "GW",
            Tag::Xx => "XX",
            Tag::Staart => "STAART",
        }
    }

    /// Parses the Penn spelling ([`Tag::as_str`]); `None` for anything else.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "STAART" {
            return Some(Tag::Staart);
        }
        // One table lookup: the lexicon parses a tag for each of its 94,000 lines.
        static BY_NAME: std::sync::LazyLock<super::tagger::FnvMap<&'static str, Tag>> =
            std::sync::LazyLock::new(|| Tag::ALL.iter().map(|&t| (t.as_str(), t)).collect());
        BY_NAME.get(s).copied()
    }

    /// Any noun tag: NN, NNS, NNP, NNPS.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// NNP or NNPS.
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Any verb tag: VB, VBD, VBG, VBN, VBP, VBZ (not MD).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// JJ, JJR or JJS.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// RB, RBR, RBS or WRB.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB)
    }

    /// Punctuation tags (quotes, brackets, commas, periods, colons, hyphens, NFP).
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::OpenQuote
                | Tag::CloseQuote
                | Tag::Lrb
                | Tag::Rrb
                | Tag::Comma
                | Tag::Period
                | Tag::Colon
                | Tag::Hyph
                | Tag::Nfp
        )
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Universal Dependencies part-of-speech tag (UPOS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as UD writes it: `"NOUN"`, `"AUX"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_parses_back() {
        for tag in Tag::ALL {
            assert_eq!(Tag::parse(tag.as_str()), Some(tag));
        }
        assert_eq!(Tag::parse("STAART"), Some(Tag::Staart));
        assert_eq!(Tag::parse("NP"), None);
    }
}
