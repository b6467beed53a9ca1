"""Stop-words (fr, en, it, es, de, pt, nl and pieces of links): never candidates for likely noise."""

# Folded like the plain text (lower case, no accents); words of one or two
# characters are left out anyway.
STOP_WORDS_BY_LANGUAGE = {
    "fr": """les des une est sont pas que qui quoi dans pour par sur avec sans plus moins tres
        tout tous toute toutes mais donc car ete etre avoir avait fait faire comme cette ces ses
        son leur leurs nous vous ils elles elle lui moi toi mon ton notre votre nos vos aux encore
        deja aussi bien alors ici quand comment pourquoi rien chez entre vers depuis apres avant
        sous meme autre autres peu trop fois jamais toujours vraiment vais suis avez avons ont
        sera etait cela ceci celle celui dont quel quelle quelqu quelque quelques chaque juste
        voila oui non cet""",
    "en": """the and for are but not you your with this that these those have has had was were
        will would can could should from they them their there here what when where which who
        whom why how all any some just about into over than then too very also only our out its
        been being did does doing don she her his him yours ours more most such own same both
        each few other off again once because until while after before under above between
        through during get got""",
    "it": """che non per con una uno del della dei delle degli nel nella nei alla alle allo agli
        dal dalla sono sei era come anche piu questo questa questi quello quella gli loro suo sua
        suoi mio mia tuo tua noi voi essere stato fatto molto tutto tutti ancora gia dove perche
        cosa chi qui cui""",
    "es": """los las unos unas por para pero mas esta este esto estos estas ese esa eso sus muy
        todo todos cuando donde porque hay fue ser estar sobre tambien les hasta desde nada algo
        mucho""",
    "de": """der die das und ist nicht ein eine einen einem einer den dem des mit auf fur von
        aus bei nach wie was wer wenn aber auch noch schon nur sich sie wir ihr uns euch mein
        dein sein ihre sind war hat haben wird werden kann kein keine sehr mal dass doch oder als
        bis uber unter vor hier dort dann immer heute""",
    "pt": """nao com uma mais foi sao dos das nas pelo pela isso isto esse essa muito tudo ter
        tem sem tambem voce seu""",
    "nl": """het een van dat niet voor zijn maar ook bij nog wat naar dan wel uit door heb
        hebben geen wordt worden deze dit hun ons onze zij wij jij mijn jouw heel veel alle
        toch""",
    # pieces of links, which the text keeps as words (https t co xyz)
    "web": "http https www com org net html htm php amp utm bit tinyurl status",
}
STOP_WORDS = frozenset(word for words in STOP_WORDS_BY_LANGUAGE.values() for word in words.split())
