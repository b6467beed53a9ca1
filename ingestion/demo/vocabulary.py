"""The words of the demo feed: post templates, titles, names, places and sites, per language.

Everything here was written for Écoute's fictional airline market; none of it is
real data. Templates are keyed by language, register ("social" posts or "press"
ledes), intended sentiment and theme, and have slots the generator fills:

    {brand}    a brand as people write it ("Air Aurore", "@airaurore", "#AirAurore"...)
    {topic}    a noun of the row's theme that fits "côté {topic}", "Thema {topic}", ...
    {city}     a destination, in the language of the post
    {route}    a route ("CDG → FCO")
    {n}        a small number (hours, days, percent)
    {price}    a fare in euros
    {emoji}    an emoji that fits the sentiment (or nothing)
    {hashtag}  a hashtag (or nothing)
    {mention}  another user's @handle

A template names a brand if and only if it has a {brand} slot. Theme "*" marks
templates that fit every theme through their {topic} slot; theme "general" ones
have no theme. The words of a theme's template are chosen so that the theme's
keywords in listening.yml match it, and no other theme's: the test suite checks
both, so that the ground truth and the keyword matcher agree.

NOISE_TEXTS are the posts that fool a keyword search (lookalikes, job ads,
giveaways); they have slots of their own, described next to them.
"""

from __future__ import annotations

# TEXTS[lang][register][sentiment][theme] -> templates
TEXTS: dict[str, dict[str, dict[str, dict[str, tuple[str, ...]]]]] = {
    "fr": {
        "social": {
            "negative": {
                "delays": (
                    "{n}h de retard avec {brand} et toujours aucune info {emoji}",
                    "Vol {route} annulé par {brand} la veille du départ. Merci pour rien {emoji}",
                    "Encore un retard {brand}... c'est devenu une habitude, trop nul {emoji} {hashtag}",
                    "{brand} vol annulé sans explication, on dort à l'aéroport de {city} wtf {emoji}",
                    "3e vol retardé ce mois-ci avec {brand}. Pas du tout satisfait.",
                    "{mention} t'as vu ? {brand} a encore annulé le {route} 🙄",
                    "RETARD de {n}h pour aller à {city}, {brand} vous êtes sérieux ??? {emoji}",
                    "{n}h de retard à {city}, je vais craquer {emoji}",
                    "Vol annulé, vacances gâchées. Génial {emoji}",
                ),
                "customer_service": (
                    "Ça fait {n} jours que j'attends une réponse du service client {brand} {emoji}",
                    "Hotline {brand} injoignable depuis ce matin, {n}0 minutes d'attente pour rien !!!",
                    "Le service client de {brand} c'est trooop nul, personne ne répond {emoji}",
                    "{brand} votre support ne sert à rien. Pas du tout satisfaite. {hashtag}",
                ),
                "prices": (
                    "{price}€ le {route} avec {brand} ?? Les prix deviennent n'importe quoi {emoji}",
                    "Les tarifs {brand} ont pris {n}0% en un an, grave abusé {emoji}",
                    "{brand} qui fait payer le siège en plus du prix du billet... sérieux ? 🙄",
                ),
                "baggage": (
                    "{brand} a perdu ma valise entre {city} et Paris. {n} jours sans nouvelles {emoji}",
                    "Bagage cabine refusé alors qu'il passait à l'aller. Merci {brand} 🙄 {hashtag}",
                    "Mes bagages sont à {city}, moi à Paris. Bravo {brand} {emoji}",
                    "Valise perdue sur le {route}... {emoji}",
                ),
                "crew": (
                    "Équipage {brand} franchement désagréable sur le {route}, pas un sourire {emoji}",
                ),
                "food": ("Le repas à bord chez {brand} était immangeable {emoji}",),
                "app": (
                    "L'appli {brand} plante pile au moment de l'enregistrement, grave relou {emoji}",
                ),
                "travel": ("Mon dernier voyage avec {brand}, plus jamais {emoji}",),
                "general": (
                    "{brand} c'est trooop nul, plus jamais {emoji}",
                    "Franchement {brand} vous abusez !!! {emoji} {hashtag}",
                    "Je déconseille {brand} à tout le monde. Pas du tout satisfait.",
                    "{mention} évite {brand}, crois-moi {emoji}",
                    "Raté l'aurore boréale à cause des nuages, trop nul {emoji}",
                ),
                "*": (
                    "Côté {topic}, {brand} c'est vraiment la cata {emoji}",
                    "Niveau {topic}, {brand} c'est zéro. {emoji} {hashtag}",
                ),
            },
            "neutral": {
                "delays": (
                    "Quelqu'un sait si les vols {brand} pour {city} sont en retard ce soir ? {hashtag}",
                    "Vol {brand} retardé de {n}0 min, rien de grave",
                ),
                "customer_service": (
                    "Vous avez le numéro de la hotline {brand} ? {mention}",
                    "J'ai écrit au service client {brand}, on verra bien",
                ),
                "prices": (
                    "Quelqu'un a comparé les prix {brand} pour {city} en octobre ?",
                    "{price}€ l'aller-retour {route} chez {brand}, c'est le tarif habituel ?",
                    "Les prix des billets pour {city} en décembre, c'est normal ? 🤔",
                ),
                "baggage": ("C'est quoi la taille max du bagage cabine chez {brand} ?",),
                "crew": (
                    "{brand} change les uniformes de son personnel de bord, {mention} tu as vu ?",
                ),
                "food": ("Il y a des repas végétariens sur les vols {brand} ?",),
                "app": ("Nouvelle version de l'appli {brand}, quelqu'un a testé ? {emoji}",),
                "travel": (
                    "Direction {city} avec {brand} ce week-end {emoji} {hashtag}",
                    "Je décolle sur le {route} avec {brand} demain matin",
                    "Direction {city} ce week-end {emoji} {hashtag}",
                    "Un bon resto à {city}, pas loin de l'aéroport ? Je prends toutes les idées",
                ),
                "general": (
                    "{brand} change de logo apparemment {emoji}",
                    "Qui a déjà volé avec {brand} ? Des avis ?",
                    "Qui regarde la série Aurore ce soir ? {emoji}",
                    "Soirée en plein air, aurore boréale incroyable au-dessus de Tromsø ✨",
                ),
                "*": (
                    "Petite question niveau {topic} chez {brand} : quelqu'un a de l'expérience ? {hashtag}",
                    "Côté {topic}, {brand} c'est dans la moyenne je trouve.",
                ),
            },
            "positive": {
                "delays": (
                    "Zéro retard sur mes {n} derniers vols {brand}, bravo {emoji}",
                    "Orage toute la journée et pas un vol annulé chez {brand} 👏",
                ),
                "customer_service": (
                    "Service client {brand} au top, problème réglé en {n} minutes {emoji}",
                    "Merci à la hotline {brand}, super réactifs !!!",
                ),
                "prices": (
                    "{price}€ le {route} chez {brand}, les prix sont imbattables {emoji}",
                    "Tarifs {brand} vraiment corrects cet hiver {hashtag}",
                ),
                "baggage": (
                    "Valise retrouvée en {n}h par {brand}, chapeau {emoji}",
                    "Bagages livrés à l'hôtel par {brand}, trop classe",
                ),
                "crew": (
                    "Équipage {brand} adorable sur le {route} {emoji}",
                    "Merci aux hôtesses de {brand}, grave sympas mdr",
                ),
                "food": ("Le repas à bord {brand} était vraiment bon, surprenant {emoji}",),
                "app": ("L'appli {brand} est super pratique pour l'embarquement {emoji}",),
                "travel": (
                    "Vacances à {city} avec {brand}, tout s'est trop bien passé {emoji} {hashtag}",
                    "Premier vol avec {brand} pour {city}, ptdr j'étais stressé pour rien {emoji}",
                    "Trop contente d'être à {city} {emoji} {hashtag}",
                ),
                "general": (
                    "J'adore {brand} ❤️",
                    "{brand} trooop bien, rien à redire {emoji}",
                    "Pas mal du tout {brand}, je recommande !!!",
                    "{mention} prends {brand}, franchement c'est top",
                    "Nuit au grand air, aurore boréale magique sur Tromsø ✨ {hashtag}",
                    "Bon anniversaire Aurore, profite bien {emoji}",
                ),
                "*": (
                    "Côté {topic}, {brand} c'est top {emoji}",
                    "Niveau {topic}, rien à dire, {brand} assure {emoji}",
                ),
            },
        },
        "press": {
            "negative": {
                "delays": (
                    "Des centaines de passagers de {brand} bloqués à {city} après l'annulation de plusieurs vols.",
                    "{brand} : un vol sur {n} en retard cet été au départ de {city}.",
                    "Grève des contrôleurs : trafic perturbé à {city}, plus d'un vol sur {n} annulé.",
                ),
                "customer_service": (
                    "Les plaintes contre le service client de {brand} se multiplient, selon une association de consommateurs.",
                ),
                "general": (
                    "{brand} : le titre recule de {n}% après des résultats décevants.",
                    "Grève chez {brand} : les syndicats appellent à un mouvement de {n} jours.",
                ),
                "*": (
                    "{brand} critiquée par ses passagers, notamment côté {topic}.",
                    "Nouvelle polémique pour {brand} : des voyageurs dénoncent la situation côté {topic}.",
                ),
            },
            "neutral": {
                "prices": ("Les tarifs de {brand} vers {city} augmenteront de {n}% en novembre.",),
                "travel": (
                    "{brand} annonce une nouvelle liaison {route} à partir du printemps.",
                    "Le trafic aérien à {city} a progressé de {n}% sur un an.",
                ),
                "general": (
                    "{brand} nomme un nouveau directeur général.",
                    "{brand} et les syndicats de pilotes reprennent les négociations.",
                    "La série Aurore revient sur France 2 pour une deuxième saison.",
                    "Ciel dégagé et grand air : aurore boréale visible ce week-end dans le nord de l'Europe.",
                ),
                "*": (
                    "{brand} fait évoluer sa politique côté {topic}, selon un communiqué publié ce matin.",
                ),
            },
            "positive": {
                "delays": (
                    "{brand} élue compagnie la plus ponctuelle du trimestre, avec un taux de retard au plus bas.",
                ),
                "travel": ("L'aéroport de {city} inaugure un nouveau terminal.",),
                "general": (
                    "{brand} affiche une hausse de {n}% de son trafic au troisième trimestre.",
                    "{brand} élue meilleure compagnie européenne par les voyageurs.",
                ),
                "*": (
                    "{brand} saluée par ses clients côté {topic}, selon une enquête publiée ce matin.",
                ),
            },
        },
    },
    "en": {
        "social": {
            "negative": {
                "delays": (
                    "{n} hour delay with {brand} and not a single update {emoji}",
                    "{brand} cancelled my flight to {city} the night before. Thanks for nothing {emoji}",
                    "Delayed AGAIN. {brand} you had one job lol {emoji} {hashtag}",
                    "wtf {brand}, flight {route} cancelled with no explanation {emoji}",
                    "{n} hour delay at {city} airport, losing my mind {emoji}",
                    "Flight cancelled, holiday ruined. Great {emoji}",
                ),
                "customer_service": (
                    "Been waiting {n} days for {brand} customer service to reply {emoji}",
                    "{brand} hotline, on hold for {n}0 minutes. Not happy at all",
                    "{brand} support is useless, sooo done with this {emoji}",
                ),
                "prices": (
                    "{price}€ for {route} with {brand}?? prices are insane {emoji}",
                    "{brand} charging extra for seats on top of the fare... seriously? 🙄",
                ),
                "baggage": (
                    "{brand} lost my suitcase between {city} and Paris. {n} days, no news {emoji}",
                    "Luggage still in {city}, I'm in Paris. Great job {brand} {emoji}",
                    "Lost luggage on the {route} 😩",
                ),
                "crew": (
                    "Rude cabin crew on my {brand} flight to {city}, not a single smile {emoji}",
                ),
                "food": ("The food on {brand} was inedible lol {emoji}",),
                "app": ("{brand} app crashed right at online check-in, not impressed {emoji}",),
                "travel": ("Worst trip ever with {brand}. Never again {emoji}",),
                "general": (
                    "{brand} is sooo bad, never again {emoji}",
                    "Honestly {brand} you're a joke !!! {emoji} {hashtag}",
                    "{mention} avoid {brand}, trust me {emoji}",
                ),
                "*": (
                    "When it comes to {topic}, {brand} is a total mess {emoji}",
                    "{brand} and {topic}... not happy, not happy at all {emoji}",
                ),
            },
            "neutral": {
                "delays": (
                    "Anyone know if {brand} flights to {city} are delayed tonight? {hashtag}",
                ),
                "customer_service": ("What's the {brand} customer service number? {mention}",),
                "prices": (
                    "Has anyone compared {brand} prices to {city} for October?",
                    "Is {price}€ a normal fare for {route} on {brand}?",
                    "Are plane ticket prices to {city} always this high in December? 🤔",
                ),
                "baggage": ("What's the cabin baggage size limit on {brand}?",),
                "crew": (
                    "{brand} has new cabin crew uniforms from {city}, {mention} have you seen them?",
                ),
                "food": ("Do {brand} flights have vegetarian meals?",),
                "app": ("New {brand} app update is out, anyone tried it? {emoji}",),
                "travel": (
                    "Off to {city} with {brand} this weekend {emoji} {hashtag}",
                    "Flying {route} with {brand} tomorrow morning",
                    "Off to {city} this weekend {emoji} {hashtag}",
                    "Any good restaurants near {city} airport?",
                ),
                "general": (
                    "Anyone flown with {brand} recently? Thoughts?",
                    "{brand} has a new logo apparently {emoji}",
                    "Happy birthday Aurore!!! 🎂",
                    "Watching the northern lights tonight, fingers crossed {emoji}",
                ),
                "*": ("Quick question about {topic} on {brand}, anyone? {hashtag}",),
            },
            "positive": {
                "delays": (
                    "Zero delay on my last {n} {brand} flights, well done {emoji}",
                    "Storm all day and not one flight cancelled on {brand} 👏",
                ),
                "customer_service": (
                    "{brand} customer service sorted my issue in {n} minutes {emoji}",
                    "Shoutout to the {brand} support team, super quick !!!",
                ),
                "prices": (
                    "{price}€ for {route} with {brand}, prices are unbeatable {emoji}",
                    "{brand} fares are actually decent this winter {hashtag}",
                ),
                "baggage": ("{brand} found my suitcase in {n} hours, impressed {emoji}",),
                "crew": (
                    "Lovely cabin crew on {brand} to {city} {emoji}",
                    "The {brand} crew were sooo nice lol",
                ),
                "food": ("The food on {brand} was actually good, surprised {emoji}",),
                "app": ("The {brand} app makes boarding so easy {emoji}",),
                "travel": (
                    "Holiday in {city} with {brand}, everything went perfectly {emoji} {hashtag}",
                    "So happy to be in {city} {emoji} {hashtag}",
                ),
                "general": (
                    "Love {brand} ❤️",
                    "{brand} not bad at all, would recommend !!!",
                    "{mention} fly {brand}, honestly the best",
                    "Northern lights over Tromsø last night, magical ✨",
                ),
                "*": (
                    "When it comes to {topic}, {brand} gets it right {emoji}",
                    "Gotta say {brand} nailed {topic} {emoji}",
                ),
            },
        },
        "press": {
            "negative": {
                "delays": (
                    "Hundreds of {brand} passengers stranded in {city} after flights were cancelled.",
                    "Air traffic control strike: one in {n} flights cancelled at {city}.",
                ),
                "general": ("{brand} shares fall {n}% after weak results.",),
                "*": ("{brand} under fire from passengers over {topic}.",),
            },
            "neutral": {
                "prices": ("{brand} to raise fares to {city} by {n}% in November.",),
                "travel": (
                    "{brand} to launch a new {route} route next spring.",
                    "Passenger traffic at {city} airport up {n}% year on year.",
                ),
                "general": (
                    "{brand} names a new chief executive.",
                    "Northern lights expected to be visible across northern Europe this weekend.",
                ),
                "*": ("{brand} updates its policy on {topic}, the airline said on Monday.",),
            },
            "positive": {
                "delays": (
                    "{brand} named most punctual airline of the quarter, with delayed flights at a record low.",
                ),
                "travel": ("{city} airport opens a new terminal.",),
                "general": ("{brand} reports {n}% passenger growth in the third quarter.",),
                "*": ("{brand} praised by customers for {topic}, survey finds.",),
            },
        },
    },
    "it": {
        "social": {
            "negative": {
                "delays": (
                    "{n} ore di ritardo con {brand} e nessuna informazione {emoji}",
                    "Volo {route} cancellato da {brand} la sera prima. Grazie di niente {emoji}",
                    "{n} ore di ritardo a {city}, sto impazzendo {emoji}",
                ),
                "customer_service": (
                    "Aspetto da {n} giorni una risposta dal servizio clienti {brand} {emoji}",
                ),
                "prices": ("{price}€ per il {route} con {brand}?? Prezzi assurdi {emoji}",),
                "baggage": ("{brand} ha perso il mio bagaglio tra {city} e Parigi {emoji}",),
                "general": (
                    "{brand} fa davvero schifo, mai più {emoji}",
                    "Non sono per niente contento di {brand} {emoji} {hashtag}",
                ),
                "*": ("Per quanto riguarda {topic}, {brand} è un disastro {emoji}",),
            },
            "neutral": {
                "prices": ("Qualcuno ha confrontato i prezzi {brand} per {city}?",),
                "travel": (
                    "Si parte per {city} con {brand} {emoji} {hashtag}",
                    "Weekend a {city} {emoji} {hashtag}",
                ),
                "general": (
                    "Qualcuno ha volato con {brand} di recente?",
                    "Buon compleanno Aurora!!! 🎂",
                ),
                "*": ("Per quanto riguarda {topic} con {brand}, com'è? {hashtag}",),
            },
            "positive": {
                "crew": ("Equipaggio {brand} gentilissimo sul {route} {emoji}",),
                "prices": ("{price}€ il {route} con {brand}, prezzo top {emoji}",),
                "travel": ("Finalmente a {city} {emoji} {hashtag}",),
                "general": ("{brand} non è male, anzi! {emoji}", "Adoro {brand} ❤️"),
                "*": ("Per quanto riguarda {topic}, {brand} è il top {emoji}",),
            },
        },
        "press": {
            "negative": {
                "delays": ("Sciopero del controllo aereo: un volo su {n} cancellato a {city}.",),
                "general": ("{brand}, il titolo perde il {n}% in Borsa.",),
                "*": ("{brand} nel mirino dei passeggeri per {topic}.",),
            },
            "neutral": {
                "travel": ("Traffico passeggeri in aumento del {n}% all'aeroporto di {city}.",),
                "general": ("{brand} annuncia un nuovo amministratore delegato.",),
                "*": ("{brand} cambia politica per {topic}, secondo un comunicato.",),
            },
            "positive": {
                "travel": ("Nuovo terminal inaugurato all'aeroporto di {city}.",),
                "general": ("{brand}, passeggeri in crescita del {n}% nel trimestre.",),
                "*": ("{brand} premiata dai clienti per {topic}, secondo un sondaggio.",),
            },
        },
    },
    "es": {
        "social": {
            "negative": {
                "delays": (
                    "{n} horas de retraso con {brand} y ni una explicación {emoji}",
                    "Vuelo {route} cancelado por {brand} la noche anterior. Gracias por nada {emoji}",
                    "{n} horas de retraso en {city}, me muero {emoji}",
                ),
                "customer_service": (
                    "Llevo {n} días esperando respuesta de atención al cliente de {brand} {emoji}",
                ),
                "baggage": ("{brand} ha perdido mi maleta entre {city} y París {emoji}",),
                "general": (
                    "{brand} es lo peor, nunca más {emoji}",
                    "Nada contento con {brand}, la verdad {emoji} {hashtag}",
                ),
                "*": ("Tema {topic}: {brand} es un desastre {emoji}",),
            },
            "neutral": {
                "prices": ("¿Alguien ha comparado el precio de {brand} para {city}?",),
                "travel": (
                    "Rumbo a {city} con {brand} {emoji} {hashtag}",
                    "Finde en {city} {emoji} {hashtag}",
                ),
                "general": (
                    "¿Alguien ha volado con {brand} últimamente?",
                    "¡Feliz cumpleaños Aurora! 🎂",
                ),
                "*": ("Tema {topic} con {brand}, ¿alguna experiencia? {hashtag}",),
            },
            "positive": {
                "crew": ("La tripulación de {brand} fue un encanto jajaja {emoji}",),
                "prices": ("{price}€ el {route} con {brand}, precios buenísimos {emoji}",),
                "travel": ("Por fin en {city} {emoji} {hashtag}",),
                "general": ("Me encanta {brand} ❤️", "{brand} genial, lo recomiendo !!!"),
                "*": ("Tema {topic}: {brand} de diez {emoji}",),
            },
        },
        "press": {
            "negative": {
                "delays": ("Huelga de controladores: un vuelo de cada {n} cancelado en {city}.",),
                "general": (
                    "Las acciones de {brand} caen un {n}% tras unos resultados decepcionantes.",
                ),
                "*": ("Críticas de los pasajeros a {brand}; el tema {topic}, el más citado.",),
            },
            "neutral": {
                "travel": ("El tráfico de pasajeros en {city} sube un {n}%.",),
                "general": ("{brand} nombra nuevo consejero delegado.",),
                "*": ("{brand} revisa su política (tema {topic}), según un comunicado.",),
            },
            "positive": {
                "travel": ("El aeropuerto de {city} estrena nueva terminal.",),
                "general": ("{brand} aumenta un {n}% su número de pasajeros.",),
                "*": ("Los clientes de {brand} valoran el tema {topic}, según una encuesta.",),
            },
        },
    },
    "de": {
        "social": {
            "negative": {
                "delays": (
                    "{n} Stunden Verspätung mit {brand} und keine Info {emoji}",
                    "Flug {route} von {brand} annulliert, einfach so {emoji}",
                    "{n} Stunden Verspätung in {city}, ich dreh durch {emoji}",
                ),
                "customer_service": (
                    "Seit {n} Tagen keine Antwort vom Kundenservice von {brand} {emoji}",
                ),
                "baggage": (
                    "{brand} hat meinen Koffer zwischen {city} und Paris verloren {emoji}",
                ),
                "general": (
                    "{brand} ist echt nicht gut, nie wieder {emoji}",
                    "Was ist los mit {brand}??? {emoji} {hashtag}",
                ),
                "*": ("Thema {topic}: {brand} ist eine Katastrophe {emoji}",),
            },
            "neutral": {
                "prices": ("Hat jemand die Preise von {brand} nach {city} verglichen?",),
                "travel": (
                    "Ab nach {city} mit {brand} {emoji} {hashtag}",
                    "Wochenende in {city} {emoji} {hashtag}",
                ),
                "general": (
                    "Ist jemand in letzter Zeit mit {brand} geflogen?",
                    "Alles Gute zum Geburtstag, Aurora! 🎂",
                ),
                "*": ("Thema {topic} bei {brand}, hat jemand Erfahrung? {hashtag}",),
            },
            "positive": {
                "crew": ("Super nette Crew bei {brand} auf dem Flug nach {city} {emoji}",),
                "prices": ("{price}€ für {route} mit {brand}, Preis top {emoji}",),
                "travel": ("Endlich in {city} {emoji} {hashtag}",),
                "general": (
                    "{brand} war echt gut, gerne wieder {emoji}",
                    "Nicht schlecht, {brand}! Empfehlenswert !!!",
                ),
                "*": ("Thema {topic}: {brand} macht das richtig gut {emoji}",),
            },
        },
        "press": {
            "negative": {
                "delays": ("Fluglotsenstreik: jeder {n}. Flug in {city} annulliert.",),
                "general": ("Aktie von {brand} verliert {n}% nach schwachen Zahlen.",),
                "*": ("Passagiere kritisieren {brand} beim Thema {topic}.",),
            },
            "neutral": {
                "travel": ("Passagierzahlen am Flughafen {city} steigen um {n}%.",),
                "general": ("{brand} bekommt einen neuen Vorstandschef.",),
                "*": ("{brand} ändert seine Regeln beim Thema {topic}, teilte die Airline mit.",),
            },
            "positive": {
                "travel": ("Neues Terminal am Flughafen {city} eröffnet.",),
                "general": ("{brand} steigert die Passagierzahlen um {n}%.",),
                "*": ("Kunden loben {brand} beim Thema {topic}, zeigt eine Umfrage.",),
            },
        },
    },
    "pt": {
        "social": {
            "negative": {
                "delays": (
                    "{n} horas de atraso com a {brand} e nenhuma informação {emoji}",
                    "{n} horas de atraso em {city}, que pesadelo {emoji}",
                ),
                "customer_service": (
                    "Há {n} dias à espera de resposta do atendimento da {brand} {emoji}",
                ),
                "general": ("Não gostei nada da {brand}, nunca mais {emoji}",),
                "*": ("Sobre {topic}: a {brand} é um desastre {emoji}",),
            },
            "neutral": {
                "travel": (
                    "Partiu {city} com a {brand} {emoji} {hashtag}",
                    "Fim de semana em {city} {emoji} {hashtag}",
                ),
                "general": ("Alguém já voou com a {brand}?",),
                "*": ("Sobre {topic} na {brand}, alguém tem experiência? {hashtag}",),
            },
            "positive": {
                "travel": ("Finalmente em {city} {emoji} {hashtag}",),
                "general": ("Adorei a {brand} ❤️ kkkk", "{brand} muito bom, recomendo !!!"),
                "*": ("Sobre {topic}: a {brand} está de parabéns {emoji}",),
            },
        },
        "press": {
            "negative": {
                "delays": ("Greve dos controladores: voos com atraso em {city}.",),
                "general": ("Ações da {brand} caem {n}% após resultados fracos.",),
                "*": ("Passageiros criticam a {brand}; em causa, {topic}.",),
            },
            "neutral": {
                "travel": ("Tráfego de passageiros em {city} sobe {n}%.",),
                "general": ("{brand} nomeia novo presidente executivo.",),
                "*": ("{brand} revê regras sobre {topic}, segundo comunicado.",),
            },
            "positive": {
                "travel": ("Aeroporto de {city} inaugura novo terminal.",),
                "general": ("{brand} cresce {n}% em número de passageiros.",),
                "*": ("Clientes elogiam a {brand}; em destaque, {topic}.",),
            },
        },
    },
    "nl": {
        "social": {
            "negative": {
                "delays": (
                    "{n} uur vertraging met {brand} en geen enkele info {emoji}",
                    "{n} uur vertraging in {city}, ik word gek {emoji}",
                ),
                "customer_service": (
                    "Al {n} dagen wachten op antwoord van de klantenservice van {brand} {emoji}",
                ),
                "general": ("Echt niet blij met {brand}, nooit meer {emoji}",),
                "*": ("Qua {topic} is {brand} echt slecht {emoji}",),
            },
            "neutral": {
                "travel": (
                    "Op weg naar {city} met {brand} {emoji} {hashtag}",
                    "Weekendje {city} {emoji} {hashtag}",
                ),
                "general": ("Iemand recent met {brand} gevlogen?",),
                "*": ("Qua {topic} bij {brand}, iemand ervaring? {hashtag}",),
            },
            "positive": {
                "travel": ("Eindelijk in {city} {emoji} {hashtag}",),
                "general": ("{brand} was echt top {emoji}", "Niet slecht, {brand}! Aanrader !!!"),
                "*": ("Qua {topic} doet {brand} het prima {emoji}",),
            },
        },
        "press": {
            "negative": {
                "delays": ("Staking luchtverkeersleiders: veel vertraging op {city}.",),
                "general": ("Aandeel {brand} zakt {n}% na tegenvallende cijfers.",),
                "*": ("Passagiers kritisch over {brand}, vooral qua {topic}.",),
            },
            "neutral": {
                "travel": ("Passagiersaantal op {city} stijgt met {n}%.",),
                "general": ("{brand} krijgt nieuwe topman.",),
                "*": ("{brand} past beleid aan qua {topic}, meldt de maatschappij.",),
            },
            "positive": {
                "travel": ("Nieuwe terminal geopend op {city}.",),
                "general": ("{brand} groeit met {n}% in passagiers.",),
                "*": ("Klanten positief over {brand} qua {topic}, blijkt uit onderzoek.",),
            },
        },
    },
}

# TOPIC_WORDS[lang][theme]: nouns that read well in the "*" templates of the language.
TOPIC_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "delays": ("retard", "annulation"),
        "customer_service": ("service client", "hotline", "support"),
        "prices": ("prix", "tarifs"),
        "baggage": ("bagages", "valise"),
        "crew": ("équipage", "personnel de bord"),
        "food": ("repas", "nourriture"),
        "app": ("appli", "site"),
        "travel": ("voyage", "confort"),
    },
    "en": {
        "delays": ("delayed flights", "cancelled flights"),
        "customer_service": ("customer service", "the hotline", "support"),
        "prices": ("prices", "fares"),
        "baggage": ("luggage", "baggage"),
        "crew": ("the cabin crew", "the crew"),
        "food": ("the food", "onboard meals"),
        "app": ("the app", "online check-in"),
        "travel": ("the trip", "comfort"),
    },
    "it": {
        "delays": ("il ritardo",),
        "customer_service": ("il servizio clienti",),
        "prices": ("i prezzi", "il prezzo"),
        "baggage": ("il bagaglio", "i bagagli"),
        "crew": ("l'equipaggio",),
        "food": ("il cibo a bordo",),
        "app": ("l'app",),
        "travel": ("il viaggio", "il comfort"),
    },
    "es": {
        "delays": ("retraso", "vuelo cancelado"),
        "customer_service": ("atención al cliente",),
        "prices": ("precios", "precio"),
        "baggage": ("equipaje", "maleta"),
        "crew": ("tripulación",),
        "food": ("comida",),
        "app": ("app",),
        "travel": ("viaje", "comodidad"),
    },
    "de": {
        "delays": ("Verspätung",),
        "customer_service": ("Kundenservice",),
        "prices": ("Preise", "Preis"),
        "baggage": ("Gepäck", "Koffer"),
        "crew": ("Crew", "Kabinenpersonal"),
        "food": ("Essen an Bord",),
        "app": ("App",),
        "travel": ("Reise", "Komfort"),
    },
    "pt": {
        "delays": ("o atraso",),
        "customer_service": ("o atendimento",),
        "prices": ("o preço",),
        "baggage": ("a bagagem",),
        "crew": ("a tripulação",),
        "food": ("a comida",),
        "app": ("a app",),
        "travel": ("a viagem", "o conforto"),
    },
    "nl": {
        "delays": ("vertraging",),
        "customer_service": ("klantenservice",),
        "prices": ("prijs",),
        "baggage": ("bagage", "koffer"),
        "crew": ("personeel",),
        "food": ("eten",),
        "app": ("app",),
        "travel": ("reis", "comfort"),
    },
}

# TITLES[lang][sentiment]: (titles naming a {brand}, titles naming none). Titles
# carry no theme word so the theme of a post is the theme of its text.
TITLES: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "fr": {
        "negative": (
            (
                "{brand} : la colère des passagers",
                "Mon expérience avec {brand} : à éviter",
                "{brand}, le vol de trop",
            ),
            ("Un voyage à oublier", "Galère à l'aéroport de {city}"),
        ),
        "neutral": (
            (
                "{brand} : ce qu'il faut savoir avant de réserver",
                "Quelqu'un a déjà volé avec {brand} ?",
                "{brand} : quoi de neuf à {city}",
            ),
            ("Conseils pour un week-end à {city}", "Aéroport de {city} : infos pratiques"),
        ),
        "positive": (
            ("{brand}, une belle surprise", "Avec {brand} pour {city} : je recommande"),
            ("{city}, coup de cœur", "Un voyage parfait"),
        ),
    },
    "en": {
        "negative": (
            ("{brand}: passengers are furious", "My {brand} experience: avoid"),
            ("A trip to forget", "Chaos at {city} airport"),
        ),
        "neutral": (
            ("{brand}: what to know before you book", "Has anyone flown {brand}?"),
            ("Tips for a weekend in {city}", "{city} airport: practical info"),
        ),
        "positive": (
            ("{brand} was a pleasant surprise", "Flying {brand} to {city}: recommended"),
            ("{city}, love at first sight", "A perfect trip"),
        ),
    },
    "it": {
        "negative": (("{brand}: passeggeri furiosi",), ("Un viaggio da dimenticare",)),
        "neutral": (
            ("{brand}: cosa sapere prima di prenotare",),
            ("Consigli per un weekend a {city}",),
        ),
        "positive": (("{brand}, una bella sorpresa",), ("{city}, amore a prima vista",)),
    },
    "es": {
        "negative": (("{brand}: pasajeros indignados",), ("Un viaje para olvidar",)),
        "neutral": (
            ("{brand}: lo que hay que saber antes de reservar",),
            ("Consejos para un finde en {city}",),
        ),
        "positive": (("{brand}, una grata sorpresa",), ("{city}, amor a primera vista",)),
    },
    "de": {
        "negative": (("{brand}: Passagiere sind sauer",), ("Eine Reise zum Vergessen",)),
        "neutral": (
            ("{brand}: Was man vor der Buchung wissen sollte",),
            ("Tipps für ein Wochenende in {city}",),
        ),
        "positive": (
            ("{brand}, eine positive Überraschung",),
            ("{city}, Liebe auf den ersten Blick",),
        ),
    },
    "pt": {
        "negative": (("{brand}: passageiros revoltados",), ("Uma viagem para esquecer",)),
        "neutral": (
            ("{brand}: o que saber antes de reservar",),
            ("Dicas para um fim de semana em {city}",),
        ),
        "positive": (("{brand}, uma boa surpresa",), ("{city}, amor à primeira vista",)),
    },
    "nl": {
        "negative": (("{brand}: passagiers boos",), ("Een reis om te vergeten",)),
        "neutral": (
            ("{brand}: wat je moet weten voor je boekt",),
            ("Tips voor een weekend {city}",),
        ),
        "positive": (
            ("{brand}, een positieve verrassing",),
            ("{city}, liefde op het eerste gezicht",),
        ),
    },
}

# Spam bots advertise "deals" with a brand hashtag and a short link; a few texts
# repeated thousands of times. {brand} is always the brand's hashtag here.
SPAM_TEXTS: dict[str, tuple[str, ...]] = {
    "fr": (
        "✈️ Billets {brand} à -{n}0% !!! Prix cassés 👉 {link}",
        "🔥 Vols {brand} dès {price}€, prix fous 👉 {link} #bonplan",
    ),
    "en": (
        "🔥 {brand} fares from {price}€ today only!!! {link}",
        "✈️ Cheap {brand} flights, prices slashed 👉 {link} #deal",
    ),
    "it": ("Voli {brand} a prezzi pazzeschi 😱 {link}",),
    "es": ("Vuelos {brand} a un precio de locura 👉 {link}",),
    "de": ("{brand} Flüge zum Preis von {price}€!!! {link}",),
    "pt": ("Voos {brand} com preço imbatível 👉 {link}",),
    "nl": ("{brand} tickets voor een prijs van {price}€ 👉 {link}",),
}
SHORT_LINK_HOSTS: tuple[str, ...] = ("https://bit.ly/", "https://t.co/", "https://tinyurl.com/")

# --- noise: posts that fool a keyword search (see settings.NOISE_KINDS) ------------------------
#
# NOISE_TEXTS[kind][lang][register][sentiment] -> templates, with the slots above and:
#
#     {handle}   the brand's own @handle ("follow @airaurore to enter")
#     {place}    where people go to see the northern lights, after the language's
#                preposition ("en Laponie", "in Lapland", "na Noruega")
#     {surname}  a last name of the language ("Aurore Moreau")
#     {role}     jobs airlines hire for, in the plural ("des PNC", "cabin crew")
#     {base}     where a job is based ("à Roissy", "in Dublin")
#     {prize}    what a contest offers ("2 billets aller-retour")
#
# A lookalike names no brand: it uses the brands' words ("aurore", "aurora", "azur",
# "sky", "alpina") in another sense and never spells a brand's name, not even across
# words ("grand air, aurore", "vol azur"): searching for the name finds none, searching
# for the word needs exclusions. Job ads and giveaways always have a {brand}. No noise
# template uses a word of a listened theme (retard, support, prix, bagage...): the
# kind's theme is settings.NOISE_THEMES. Sentiment words are chosen so that the
# lexicon scorer reads the template's intended sentiment.
NOISE_TEXTS: dict[str, dict[str, dict[str, dict[str, tuple[str, ...]]]]] = {
    "lookalike": {
        "fr": {
            "social": {
                "negative": (
                    "Une semaine en {place} et pas une seule aurore boréale, que des nuages. Trop déçue {emoji}",
                    "Le final de la série Aurore, franchement nul {emoji}",
                    "Bouchons sur toute la Côte d'Azur ce week-end, horrible {emoji}",
                ),
                "neutral": (
                    "Quelqu'un est déjà allé voir l'aurore boréale en {place} ? C'est quelle période le mieux ? {hashtag}",
                    "Ma fille Aurore fait sa rentrée en CP demain {emoji}",
                    "Qui regarde la série Aurore saison {n} sur France 2 ce soir ? {emoji}",
                    "Vol en parapente au-dessus de la Côte d'Azur demain matin, on verra la météo {emoji}",
                    "Ciel d'azur sur {city} tout le week-end d'après la météo {emoji}",
                    "Étape {n} de la Via Alpina ce matin, les jambes commencent à piquer {emoji}",
                    "{mention} tu as vu l'interview d'Aurore {surname} ?",
                ),
                "positive": (
                    "Nuit en {place}, l'aurore boréale a dansé pendant deux heures, magnifique ✨ {hashtag}",
                    "Premier vol en parapente au-dessus de la Côte d'Azur, c'était incroyable {emoji}",
                    "Bon anniversaire à ma fille Aurore, {n} ans déjà ❤️",
                    "Aurore {surname} championne de France, bravo !!! {emoji}",
                    "La série Aurore est vraiment géniale, vivement la saison {n} {emoji}",
                    "Une semaine au top sur la Côte d'Azur, la mer et le soleil {emoji} {hashtag}",
                ),
            },
            "press": {
                "negative": (
                    "Côte d'Azur : {n}00 hectares partis en fumée, une catastrophe pour la région.",
                ),
                "neutral": (
                    "Aurore boréale : le phénomène pourrait être visible ce week-end en {place}.",
                    "La série Aurore revient pour une saison {n} sur France 2 en janvier.",
                    "{city} : Aurore {surname} nommée directrice de l'office de tourisme.",
                    "Côte d'Azur : la fréquentation touristique en hausse de {n}% cet été.",
                ),
                "positive": (
                    "Le tourisme de l'aurore boréale en {place} connaît un succès incroyable.",
                    "Côte d'Azur : saison record, un bilan excellent pour les hôteliers.",
                ),
            },
        },
        "en": {
            "social": {
                "negative": (
                    "A whole week in {place} and not one aurora borealis. Clouds every night, so disappointed {emoji}",
                    "Sky Sports coverage tonight was awful, missed half the match {emoji}",
                    "That Aurore finale was terrible, what were the writers thinking {emoji}",
                ),
                "neutral": (
                    "When is aurora season in {place}? Planning a trip {hashtag}",
                    "Northern lights forecast for tonight: Kp {n}, aurora hunters heading out? {emoji}",
                    "My daughter Aurora starts school tomorrow {emoji}",
                    "Is the French show Aurore on streaming yet? Season {n} {emoji}",
                    "Paragliding over the Côte d'Azur tomorrow, weather permitting",
                    "Sky Sports will show every Euro qualifier this autumn, anyone got a subscription? {emoji}",
                    "{mention} did you see Aurora {surname} on Sky News this morning?",
                ),
                "positive": (
                    "Aurora borealis over {place} last night, absolutely magical ✨ {hashtag}",
                    "Happy birthday to my little Aurora, love you ❤️",
                    "Paragliding over the Côte d'Azur was amazing, what a view {emoji}",
                    "Clear sky, aurora dancing over {place}, best night of my life {emoji}",
                    "Aurora {surname} wins gold in {city}, brilliant !!! {emoji}",
                ),
            },
            "press": {
                "negative": (
                    "Wildfires on the Côte d'Azur: {n}00 hectares burned, a disaster for the region.",
                ),
                "neutral": (
                    "Aurora borealis may be visible in {place} this weekend, forecasters say.",
                    "Season {n} of French drama Aurore arrives on streaming next month.",
                    "Aurora {surname} appointed head of the {city} tourist board.",
                    "Sky News to air a documentary on the northern lights (aurora borealis).",
                ),
                "positive": (
                    "Record season for aurora tourism in {place}, and tour operators are delighted.",
                ),
            },
        },
        "it": {
            "social": {
                "negative": (
                    "Una settimana in {place} e niente aurora boreale, che delusione {emoji}",
                    "Partita su Sky Sport con un audio orribile {emoji}",
                ),
                "neutral": (
                    "Qualcuno è stato in {place} a vedere l'aurora boreale? In che mese? {hashtag}",
                    "Stasera su Sky la finale, chi la guarda? {emoji}",
                    "Mia figlia Aurora comincia l'asilo domani {emoji}",
                    "Sul sentiero per il rifugio abbiamo trovato una stella alpina {emoji}",
                ),
                "positive": (
                    "Aurora boreale in {place} stanotte, uno spettacolo bellissimo ✨ {hashtag}",
                    "Tanti auguri alla mia piccola Aurora ❤️",
                    "Finalmente una stella alpina sul sentiero, bellissima {emoji}",
                ),
            },
            "press": {
                "neutral": (
                    "Aurora boreale visibile nel fine settimana in {place}, secondo gli esperti.",
                    "Aurora {surname} alla guida dell'ente del turismo di {city}.",
                    "Le qualificazioni a Euro 2028 in diretta su Sky Sport.",
                ),
                "positive": (
                    "Aurora boreale, boom di turisti in {place}: stagione ottima per gli operatori.",
                ),
            },
        },
        "es": {
            "social": {
                "negative": (
                    "Una semana en {place} y ni una aurora boreal, qué decepción {emoji}",
                ),
                "neutral": (
                    "¿Alguien ha ido a ver la aurora boreal en {place}? ¿En qué mes? {hashtag}",
                    "Mi hija Aurora empieza el cole mañana {emoji}",
                    "Vuelo en parapente sobre la Côte d'Azur mañana, a ver qué tiempo hace",
                ),
                "positive": (
                    "Aurora boreal en {place} anoche, increíble ✨ {hashtag}",
                    "¡Feliz cumple a mi pequeña Aurora! ❤️",
                    "Una semana en la Côte d'Azur, todo perfecto {emoji}",
                ),
            },
            "press": {
                "neutral": (
                    "La aurora boreal podrá verse este fin de semana en {place}.",
                    "Aurora {surname}, nueva directora de turismo de {city}.",
                ),
                "positive": (
                    "Temporada récord del turismo de auroras en {place}: un balance excelente.",
                ),
            },
        },
        "de": {
            "social": {
                "negative": (
                    "Eine Woche in {place} und kein einziges Nordlicht, Aurora borealis nur auf Postkarten. Enttäuscht {emoji}",
                    "Das Spiel auf Sky hatte ständig Aussetzer, echt ärgerlich {emoji}",
                ),
                "neutral": (
                    "Wann sieht man in {place} am ehesten Nordlichter? Die Aurora-Vorhersage sagt Kp {n} {hashtag}",
                    "Unsere Tochter Aurora kommt morgen in die Kita {emoji}",
                    "Bundesliga heute auf Sky oder im Stream? {emoji}",
                    "Gleitschirmflug über der Côte d'Azur morgen, mal sehen, wie das Wetter wird",
                    "Etappe {n} der Via Alpina geschafft {emoji}",
                ),
                "positive": (
                    "Aurora borealis über {place} heute Nacht, einfach wunderbar ✨ {hashtag}",
                    "Eine Woche Côte d'Azur, Sonne und Meer, perfekt {emoji}",
                ),
            },
            "press": {
                "neutral": (
                    "Polarlichter: Aurora borealis am Wochenende in {place} zu sehen, sagen Experten.",
                    "Côte d'Azur: Zahl der Touristen steigt um {n}%.",
                    "Sky zeigt die Bundesliga auch in der nächsten Saison.",
                ),
                "positive": (
                    "Polarlichter (Aurora borealis): Rekordsaison für Reisen nach {place}, Veranstalter sind zufrieden.",
                ),
            },
        },
        "pt": {
            "social": {
                "negative": (
                    "Uma semana na {place} e nem uma aurora boreal, que decepção {emoji}",
                ),
                "neutral": (
                    "Alguém já foi ver a aurora boreal na {place}? Em que mês? {hashtag}",
                    "A minha filha Aurora começa a escola amanhã {emoji}",
                ),
                "positive": (
                    "Aurora boreal na {place} ontem à noite, incrível ✨ {hashtag}",
                    "Parabéns à minha pequena Aurora ❤️",
                ),
            },
            "press": {
                "neutral": ("Aurora boreal poderá ser vista este fim de semana na {place}.",),
                "positive": (
                    "Turismo das auroras boreais na {place} bate recordes: um balanço excelente.",
                ),
            },
        },
        "nl": {
            "social": {
                "negative": (
                    "Week in {place} en geen noorderlicht gezien, aurora borealis alleen op ansichtkaarten. Balen {emoji}",
                ),
                "neutral": (
                    "Iemand tips om de aurora borealis te zien in {place}? {hashtag}",
                    "Onze dochter Aurora gaat morgen naar school {emoji}",
                    "Paragliden boven de Côte d'Azur morgen, hopelijk werkt het weer mee",
                ),
                "positive": (
                    "Aurora borealis boven {place} vannacht, prachtig ✨ {hashtag}",
                    "Week Côte d'Azur, zon en zee, heerlijk {emoji}",
                ),
            },
            "press": {
                "neutral": (
                    "Noorderlicht (aurora borealis) dit weekend mogelijk zichtbaar in {place}.",
                ),
                "positive": (
                    "Noorderlicht (aurora borealis) trekt recordaantal toeristen naar {place}, reisorganisaties tevreden.",
                ),
            },
        },
    },
    "job_ad": {
        "fr": {
            "social": {
                "neutral": (
                    "{brand} recrute des {role} H/F en CDI {base}, postulez ! #recrutement #emploi",
                    "📢 Offre d'emploi : {brand} recherche {n}0 {role} basés {base}. Candidatures ouvertes jusqu'à la fin du mois #emploi",
                    "Notre client {brand} recrute des {role} en CDD saisonnier {base}. CV en MP {emoji} #job",
                    "Job dating {brand} {base} le {n} : {role}, venez avec votre CV #recrutement",
                ),
            },
            "press": {
                "neutral": (
                    "{brand} va recruter {n}00 {role} d'ici l'été prochain, notamment {base}.",
                    "Emploi : {brand} lance une campagne de recrutement de {role} {base}.",
                ),
            },
        },
        "en": {
            "social": {
                "neutral": (
                    "We're hiring: {brand} is looking for {role} {base}. Apply now! #hiring #jobs",
                    "{brand} is recruiting {n}0 {role} {base} 🧑\u200d✈️ Applications close at the end of the month #careers",
                    "Job alert: {role} wanted for {brand} {base}, permanent contract. DM for details #recruitment",
                ),
            },
            "press": {
                "neutral": (
                    "{brand} to hire {n}00 {role} next year, many of them {base}.",
                    "Jobs: {brand} launches a recruitment drive for {role} {base}.",
                ),
            },
        },
        "it": {
            "social": {
                "neutral": (
                    "Offerta di lavoro: {brand} cerca {role} {base}. Candidature aperte! #lavoro #offertedilavoro",
                    "{brand} assume {n}0 {role} con base {base}, contratto a tempo indeterminato #lavoro",
                ),
            },
            "press": {
                "neutral": ("{brand} assumerà {n}00 {role} entro l'estate, soprattutto {base}.",),
            },
        },
        "es": {
            "social": {
                "neutral": (
                    "Oferta de empleo: {brand} busca {role} {base}. ¡Envía tu CV! #empleo #trabajo",
                    "{brand} contrata {n}0 {role} con base {base} #ofertadeempleo",
                ),
            },
            "press": {
                "neutral": (
                    "{brand} contratará a {n}00 {role} el próximo año, sobre todo {base}.",
                ),
            },
        },
        "de": {
            "social": {
                "neutral": (
                    "Stellenangebot: {brand} sucht {role} (m/w/d) {base}. Jetzt bewerben! #jobs #karriere",
                    "{brand} stellt ein: {n}0 Stellen für {role} {base}, unbefristet #stellenangebot",
                ),
            },
            "press": {
                "neutral": (
                    "{brand} will im kommenden Jahr {n}00 {role} einstellen, vor allem {base}.",
                ),
            },
        },
        "pt": {
            "social": {
                "neutral": (
                    "Oferta de emprego: a {brand} procura {role} {base}. Candidata-te já! #emprego",
                    "A {brand} está a recrutar {n}0 {role} {base} #recrutamento",
                ),
            },
            "press": {
                "neutral": (
                    "A {brand} vai contratar {n}00 {role} até ao verão, sobretudo {base}.",
                ),
            },
        },
        "nl": {
            "social": {
                "neutral": (
                    "Vacature: {brand} zoekt {role} {base}. Solliciteer nu! #vacature #werk",
                    "{brand} neemt {n}0 {role} aan {base} #vacature",
                ),
            },
            "press": {
                "neutral": ("{brand} neemt volgend jaar {n}00 {role} aan, vooral {base}.",),
            },
        },
    },
    "giveaway": {
        "fr": {
            "social": {
                "positive": (
                    "🎁 CONCOURS 🎁 Gagnez 2 billets {brand} pour {city} ! RT + follow {handle} pour participer, tirage dans {n} jours 🎉 #concours #jeuconcours",
                    "#JEUCONCOURS {brand} vous fait gagner {prize} à destination de {city} ✈️ Like + partage + tague un ami. Bonne chance, super lot 🎉",
                    "Grand jeu {brand} : {prize} à destination de {city} à gagner ! Suivez {handle} et retweetez, c'est génial 🎉 #concours",
                    "CONCOURS avec {brand} 😍 Je vous fais gagner {prize} à destination de {city} ! Abonnez-vous à {handle} + like. Résultats dans {n} jours #giveaway",
                ),
            },
        },
        "en": {
            "social": {
                "positive": (
                    "GIVEAWAY ✈️ Win a trip with {brand}! Like & retweet + follow {handle} to enter. Winner announced in {n} days 🎉 #giveaway #competition",
                    "🎉 COMPETITION 🎉 {brand} is giving away {prize} to {city}! Follow {handle} and RT to enter, good luck everyone 🙌",
                    "Want to fly {brand} for free? 🎁 I'm giving away {prize} to {city}. Like, share and tag a friend! Amazing 🎉 #win",
                ),
            },
        },
        "it": {
            "social": {
                "positive": (
                    "🎁 CONCORSO 🎁 Vinci {prize} con {brand}, destinazione {city}! Segui {handle} e condividi per partecipare 🎉 #concorso #giveaway",
                    "GIVEAWAY con {brand} ✈️ In palio {prize}, destinazione {city}! Like + segui {handle}, sarà fantastico 🎉",
                ),
            },
        },
        "es": {
            "social": {
                "positive": (
                    "🎁 SORTEO 🎁 ¡Gana {prize} con {brand}, destino {city}! Sigue a {handle} y dale RT para participar, genial 🎉 #sorteo",
                    "SORTEO ✈️ {brand} regala {prize} con destino {city}. Like + comenta mencionando a un amigo. ¡Mucha suerte, es increíble! 🎉 #concurso",
                ),
            },
        },
        "de": {
            "social": {
                "positive": (
                    "🎁 GEWINNSPIEL 🎁 Gewinne {prize} mit {brand} nach {city}! Folge {handle} und teile den Post, viel Glück, super Sache 🎉 #gewinnspiel",
                    "Gewinnspiel mit {brand} ✈️ Wir verlosen {prize} nach {city}! Liken, teilen, {handle} folgen. Das wird toll 🎉 #verlosung",
                ),
            },
        },
        "pt": {
            "social": {
                "positive": (
                    "🎁 PASSATEMPO 🎁 Ganha {prize} com a {brand}, destino {city}! Segue {handle} e partilha para participar, incrível 🎉 #passatempo",
                    "SORTEIO ✈️ A {brand} oferece {prize} para {city}! Curte, comenta e marca um amigo. Boa sorte, vai ser demais 🎉 #sorteio",
                ),
            },
        },
        "nl": {
            "social": {
                "positive": (
                    "🎁 WINACTIE 🎁 Maak kans op {prize} met {brand} naar {city}! Volg {handle} en deel dit bericht, super 🎉 #winactie",
                    "Winactie ✈️ {brand} verloot {prize} naar {city}. Like, deel en tag een vriend. Succes, wordt geweldig 🎉 #winactie",
                ),
            },
        },
    },
}

# NOISE_TITLES[kind][lang]: titles of noise posts on titled platforms; {brand} and {city} only.
NOISE_TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "lookalike": {
        "fr": ("Carnet de route", "Hors sujet", "En vrac cette semaine"),
        "en": ("Travel diary", "Off topic", "Weekend notes"),
        "it": ("Diario di viaggio", "Fuori tema"),
        "es": ("Diario de viaje", "Fuera de tema"),
        "de": ("Reisetagebuch", "Off-Topic"),
        "pt": ("Diário de viagem", "Fora do tema"),
        "nl": ("Reisdagboek", "Off-topic"),
    },
    "job_ad": {
        "fr": ("{brand} recrute", "Offre d'emploi : {brand}"),
        "en": ("{brand} is hiring", "Job offer: {brand}"),
        "it": ("{brand} assume", "Offerta di lavoro: {brand}"),
        "es": ("{brand} contrata", "Oferta de empleo: {brand}"),
        "de": ("{brand} stellt ein", "Stellenangebot: {brand}"),
        "pt": ("A {brand} está a recrutar", "Oferta de emprego: {brand}"),
        "nl": ("{brand} zoekt personeel", "Vacature: {brand}"),
    },
    "giveaway": {
        "fr": ("Jeu concours {brand}", "Concours : un voyage pour {city}"),
        "en": ("{brand} giveaway", "Win a trip to {city}"),
        "it": ("Concorso {brand}",),
        "es": ("Sorteo {brand}",),
        "de": ("Gewinnspiel: {brand}",),
        "pt": ("Passatempo {brand}",),
        "nl": ("Winactie {brand}",),
    },
}

# Where people go to see the northern lights, after the templates' preposition.
AURORA_PLACES: dict[str, tuple[str, ...]] = {
    "fr": ("Laponie", "Norvège", "Islande", "Finlande"),
    "en": ("Lapland", "Norway", "Iceland", "Finland", "Tromsø"),
    "it": ("Lapponia", "Norvegia", "Islanda", "Finlandia"),
    "es": ("Laponia", "Noruega", "Islandia", "Finlandia"),
    "de": ("Lappland", "Norwegen", "Island", "Finnland", "Tromsø"),
    "pt": ("Lapónia", "Noruega", "Islândia", "Finlândia"),
    "nl": ("Lapland", "Noorwegen", "IJsland", "Finland", "Tromsø"),
}

# Jobs an airline advertises, in the plural; no word of a listened theme.
JOB_ROLES: dict[str, tuple[str, ...]] = {
    "fr": ("PNC", "hôtesses et stewards", "pilotes", "agents d'escale", "mécaniciens avion"),
    "en": ("cabin crew", "pilots", "ground staff", "aircraft engineers", "first officers"),
    "it": ("assistenti di volo", "piloti", "addetti di scalo", "tecnici di manutenzione"),
    "es": (
        "tripulantes de cabina",
        "pilotos",
        "agentes de aeropuerto",
        "técnicos de mantenimiento",
    ),
    "de": (
        "Flugbegleiter",
        "Piloten",
        "Mitarbeiter für die Bodenabfertigung",
        "Fluggerätmechaniker",
    ),
    "pt": ("tripulantes de cabine", "pilotos", "agentes de aeroporto", "técnicos de manutenção"),
    "nl": ("stewards en stewardessen", "piloten", "grondstewards", "vliegtuigtechnici"),
}

# Where the job is, with its preposition.
JOB_BASES: dict[str, tuple[str, ...]] = {
    "fr": ("à Roissy", "à Orly", "à Nice", "à Lyon", "à Toulouse", "à Marseille"),
    "en": ("in Dublin", "at London Gatwick", "in Manchester", "in Edinburgh", "at Paris CDG"),
    "it": ("a Milano Malpensa", "a Roma Fiumicino", "a Torino", "a Napoli", "a Bergamo"),
    "es": ("en Madrid", "en Barcelona", "en Málaga", "en Palma"),
    "de": ("in Frankfurt", "in München", "in Düsseldorf", "in Hamburg", "in Wien"),
    "pt": ("em Lisboa", "no Porto", "em Faro"),
    "nl": ("op Schiphol", "in Eindhoven", "in Rotterdam"),
}

# What a contest offers, before "to {city}" in the language's words.
PRIZES: dict[str, tuple[str, ...]] = {
    "fr": ("2 billets aller-retour", "un week-end pour deux", "un voyage pour deux"),
    "en": ("2 return tickets", "a weekend for two", "a trip for two"),
    "it": ("2 biglietti andata e ritorno", "un weekend per due", "un viaggio per due"),
    "es": ("2 billetes de ida y vuelta", "un fin de semana para dos", "un viaje para dos"),
    "de": ("2 Flugtickets", "ein Wochenende zu zweit", "eine Reise für zwei"),
    "pt": ("2 bilhetes de ida e volta", "um fim de semana a dois", "uma viagem para dois"),
    "nl": ("2 retourtickets", "een weekendje weg voor twee", "een reis voor twee"),
}

# Agencies credited on syndicated copies of a news article.
AGENCY_CREDITS: dict[str, tuple[str, ...]] = {
    "fr": (" (AFP)", " — avec AFP", " (Reuters)"),
    "en": (" (Reuters)", " — AP", " (PA)"),
    "it": (" (ANSA)", " — con ANSA"),
    "es": (" (EFE)", " (Europa Press)"),
    "de": (" (dpa)", " (Reuters)"),
    "pt": (" (Lusa)",),
    "nl": (" (ANP)",),
}

EMOJI: dict[str, tuple[str, ...]] = {
    "negative": ("😡", "🤬", "😤", "🙄", "😩", "💀", "👎", "🤦\u200d♂️", "😭", "", ""),
    "neutral": ("✈️", "🤔", "📍", "👀", "🧳", "", "", ""),
    "positive": ("😍", "✈️", "🙌", "❤️", "👏", "😊", "🥰", "🔥", "💯", "", ""),
}

HASHTAGS: dict[str, tuple[str, ...]] = {
    "fr": ("#voyage", "#vacances", "#avgeek", "#aeroport", "#weekend", "", "", ""),
    "en": ("#travel", "#avgeek", "#flying", "#holiday", "#wanderlust", "", "", ""),
    "it": ("#viaggio", "#vacanze", "#avgeek", "", ""),
    "es": ("#viaje", "#vacaciones", "#avgeek", "", ""),
    "de": ("#reisen", "#urlaub", "#avgeek", "", ""),
    "pt": ("#viagem", "#férias", "", ""),
    "nl": ("#reizen", "#vakantie", "", ""),
}

CITIES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Nice", "Marseille", "Toulouse", "Lisbonne", "Rome", "Barcelone", "Athènes",
        "Montréal", "Dakar", "New York", "Milan", "Berlin", "Alger", "Pointe-à-Pitre",
    ),
    "en": (
        "London", "Dublin", "Paris", "Nice", "Rome", "Lisbon", "Barcelona", "New York",
        "Edinburgh", "Athens", "Milan", "Berlin",
    ),
    "it": ("Roma", "Milano", "Napoli", "Parigi", "Catania", "Nizza", "Venezia", "Torino"),
    "es": ("Madrid", "Barcelona", "París", "Sevilla", "Valencia", "Lisboa", "Málaga", "Roma"),
    "de": ("Paris", "München", "Berlin", "Frankfurt", "Rom", "Nizza", "Wien", "Zürich"),
    "pt": ("Lisboa", "Porto", "Paris", "Faro", "Funchal", "Roma"),
    "nl": ("Parijs", "Amsterdam", "Rome", "Nice", "Lissabon", "Barcelona"),
}  # fmt: skip

ROUTES: tuple[str, ...] = (
    "CDG → FCO", "ORY-NCE", "CDG-LIS", "Paris-Rome", "CDG → BCN", "LYS-AMS", "ORY → MAD",
    "CDG-MXP", "NCE-LHR", "CDG → FRA", "BOD-ORY", "MRS-CDG", "CDG-OPO", "TLS-ORY",
    "CDG → JFK", "ORY-ALG", "CDG-ATH", "NTE-CDG",
)  # fmt: skip

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Julie", "Thomas", "Camille", "Nicolas", "Léa", "Hugo", "Manon", "Lucas", "Chloé",
        "Antoine", "Inès", "Maxime", "Sarah", "Julien", "Emma", "Karim", "Zoé", "Mehdi",
        "Hélène", "Romain", "Clément", "Aurélie", "Yanis", "Margaux",
    ),
    "en": (
        "James", "Emily", "Oliver", "Sophie", "Jack", "Chloe", "Harry", "Olivia", "Liam",
        "Grace", "Ryan", "Megan", "Daniel", "Hannah", "Sean", "Aisha",
    ),
    "it": ("Marco", "Giulia", "Luca", "Francesca", "Matteo", "Chiara", "Alessandro", "Sara"),
    "es": ("Carlos", "Lucía", "Javier", "María", "Pablo", "Carmen", "Diego", "Elena"),
    "de": ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Laura", "Maximilian", "Jana"),
    "pt": ("João", "Inês", "Pedro", "Beatriz", "Tiago", "Mariana"),
    "nl": ("Daan", "Sanne", "Bram", "Lotte", "Jesse", "Fleur"),
}  # fmt: skip

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon",
        "Michel", "Garcia", "Roux", "Fournier", "Girard", "Benali", "Lambert", "Mercier",
    ),
    "en": (
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Murphy", "Kelly",
        "Johnson", "Clarke", "Patel",
    ),
    "it": ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"),
    "es": ("García", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz"),
    "de": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann"),
    "pt": ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa"),
    "nl": ("de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser"),
}  # fmt: skip

# Words people build handles from ("voyageur_julie", "travelbug_88").
HANDLE_WORDS: dict[str, tuple[str, ...]] = {
    "fr": ("voyageur", "globetrotteuse", "parisien", "nomade", "petitevalise", "ciel"),
    "en": ("traveler", "wanderer", "jetsetter", "travelbug", "skyhigh", "nomad"),
    "it": ("viaggiatore", "giramondo", "cielo"),
    "es": ("viajero", "trotamundos", "cielo"),
    "de": ("reisender", "fernweh", "himmel"),
    "pt": ("viajante", "mochileiro"),
    "nl": ("reiziger", "wereldbol"),
}

# Newsrooms: (name, domain), per language.
NEWS_OUTLETS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        ("Journal du Ciel", "journal-du-ciel.fr"),
        ("Le Quotidien des Voyageurs", "quotidien-voyageurs.fr"),
        ("Ouest Matin", "ouest-matin.fr"),
        ("La Dépêche de l'Air", "depeche-air.fr"),
        ("Info Aéro", "info-aero.fr"),
    ),
    "en": (
        ("The Daily Contrail", "dailycontrail.co.uk"),
        ("Air Travel Herald", "airtravelherald.com"),
        ("The Runway Post", "runwaypost.com"),
    ),
    "it": (("Corriere del Volo", "corrieredelvolo.it"), ("Il Viaggiatore", "ilviaggiatore.it")),
    "es": (("El Diario del Viajero", "diariodelviajero.es"), ("Cielo Abierto", "cieloabierto.es")),
    "de": (("Reise Kurier", "reisekurier.de"), ("Flugblatt", "flugblatt-online.de")),
    "pt": (("Jornal do Voo", "jornaldovoo.pt"),),
    "nl": (("Het Reisblad", "reisblad.nl"),),
}
NEWS_SECTIONS: dict[str, tuple[str, ...]] = {
    "fr": ("economie", "voyage", "societe", "transports"),
    "en": ("business", "travel", "news"),
    "it": ("economia", "viaggi", "cronaca"),
    "es": ("economia", "viajes", "sociedad"),
    "de": ("wirtschaft", "reise", "panorama"),
    "pt": ("economia", "viagens"),
    "nl": ("economie", "reizen"),
}
BLOG_HOSTS: dict[str, tuple[str, ...]] = {
    "fr": ("carnets-de-bord.fr", "blogvoyage.fr"),
    "en": ("travelnotes.blog", "wanderpages.net"),
    "it": ("diariodiviaggio.it",),
    "es": ("blogdeviajes.es",),
    "de": ("reiseblog.de",),
    "pt": ("blogdeviagem.pt",),
    "nl": ("reisblog.nl",),
}
FORUM_SITES: dict[str, str] = {
    "fr": "www.forum-aviation.fr",
    "en": "www.flyerboard.net",
    "it": "www.forumvoli.it",
    "es": "www.foroviajeros.es",
    "de": "www.vielflieger-forum.de",
    "pt": "www.forumviagens.pt",
    "nl": "www.reisforum.nl",
}
REVIEW_SITES: dict[str, str] = {
    "fr": "www.avis-voyageurs.fr/avis",
    "en": "www.flightreviews.net/review",
    "it": "www.recensionivoli.it/recensione",
    "es": "www.opinionesvuelos.es/opinion",
    "de": "www.flugbewertung.de/bewertung",
    "pt": "www.avaliacoesvoos.pt/avaliacao",
    "nl": "www.vluchtreviews.nl/review",
}
SUBREDDITS: dict[str, tuple[str, ...]] = {
    "fr": ("france", "AskFrance", "voyage", "paris"),
    "en": ("travel", "aviation", "europe", "flights", "unitedkingdom"),
    "it": ("italy", "Italia"),
    "es": ("spain", "es"),
    "de": ("de", "germany"),
    "pt": ("portugal",),
    "nl": ("thenetherlands", "nederlands"),
}
MASTODON_INSTANCES: dict[str, tuple[str, ...]] = {
    "fr": ("piaille.fr", "mastodon.social", "framapiaf.org"),
    "en": ("mastodon.social", "mastodon.online", "mas.to"),
    "it": ("mastodon.uno", "mastodon.social"),
    "es": ("mastodon.social", "masto.es"),
    "de": ("social.tchncs.de", "chaos.social", "mastodon.social"),
    "pt": ("mastodon.social", "masto.pt"),
    "nl": ("mastodon.nl", "mastodon.social"),
}

# How APIs spell a language when they get it wrong: case, region, undetermined, empty.
DIRTY_LANG_CODES: dict[str, tuple[str, ...]] = {
    "fr": ("FR", "fr-FR", "fr_FR", "fr-CA", "und", ""),
    "en": ("EN", "en-GB", "en-US", "und", ""),
    "it": ("IT", "it-IT", "und", ""),
    "es": ("ES", "es-ES", "es-419", "und", ""),
    "de": ("DE", "de-DE", "de-AT", "und", ""),
    "pt": ("PT", "pt-BR", "pt-PT", "und", ""),
    "nl": ("NL", "nl-NL", "nl-BE", "und", ""),
}
