"""Text dumps in languages other than English: the language is detected and stored, the
stoplist and rules follow it, and Chinese pages are measured in characters."""

from __future__ import annotations

import json

import pytest

from archiver import rules
from archiver.language import detect, language_field, word_count
from archiver.textclean import clean_text
from archiver.textmeta.kinds import name_like

GERMAN_BODY = [
    "Der Gemeinderat hat am Dienstagabend beschlossen, die alte Brücke über den Fluss im "
    "Winter für den Autoverkehr zu sperren, weil die Prüfer an den Pfeilern mehr Rost "
    "gefunden haben, als die Stadt erwartet hatte.",
    "Nach Angaben der Verwaltung sollen die Arbeiten bis zum Frühjahr abgeschlossen sein. "
    "Danach dürfen wieder alle Fahrzeuge über die Brücke fahren, auch die Busse der "
    "städtischen Verkehrsbetriebe.",
    "Die Anwohner müssen bis dahin einen Umweg von mehreren Kilometern in Kauf nehmen. Viele "
    "von ihnen hatten sich in der Sitzung zu Wort gemeldet und über die langen Wege geklagt.",
]

# Sixteen short paragraphs of invented Chinese news about a port, each under 60 characters.
CHINESE_BODY = [
    f"第{i}段：市政府昨天宣布，港口的新码头将在明年春天开始建设，工人们说他们对这个计划感到满意。"
    for i in range(1, 17)
]


def _record(cli, write, text: str, name: str = "page.txt") -> dict:
    result = cli("add", "--format", "text", write(name, text))
    assert result.exit_code == 0, result.output
    return json.loads(cli("export").output.splitlines()[-1])


# --- Detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (" ".join(GERMAN_BODY), "de"),
        ("La mairie a annoncé mardi que le vieux pont sera fermé aux voitures tout l'hiver.", "fr"),
        (
            "El ayuntamiento anunció el martes que el puente viejo cerrará durante el invierno.",
            "es",
        ),
        ("".join(CHINESE_BODY[:3]), "zh"),
    ],
)
def test_the_language_of_a_text_is_detected(text, code):
    assert detect(text)[0] == code


def test_too_little_text_has_no_language():
    assert detect("Home | News") is None
    assert language_field("12:30") is None


def test_chinese_is_counted_in_characters_not_spaces():
    assert word_count("港口的工人昨天开始罢工") == 6  # 11 characters, about two a word
    assert word_count("Der Hafen 港口") == 3
    assert word_count("one two three") == 3


def test_a_text_dump_stores_its_detected_language(cli, write):
    text = "\n".join(["Startseite", "Impressum", *GERMAN_BODY, "Datenschutz"])
    record = _record(cli, write, text)
    assert record["language"] == "de"
    assert record["fields"]["language"]["source"] == "detector"


def test_a_language_given_by_the_caller_is_not_overridden():
    result = clean_text("\n".join(GERMAN_BODY), language="de")
    assert "language" not in result.metadata  # the caller's own value stands


def test_a_chinese_page_dump_of_short_paragraphs_is_archived(cli, write):
    menu = ["首页", "新闻", "国际", "体育", "联系我们"]
    text = "\n".join([*menu, *CHINESE_BODY, "版权所有"])
    record = _record(cli, write, text, "zh.txt")
    assert record["language"] == "zh"
    assert record["clean_text"] == "\n\n".join(CHINESE_BODY)


# --- German boilerplate --------------------------------------------------------------------


def test_german_boilerplate_around_an_article_is_removed_with_its_reasons(cli, write):
    text = "\n".join(
        [
            "Zum Inhalt springen",
            "Startseite",
            "Brücke bleibt im Winter für Autos gesperrt",
            *GERMAN_BODY,
            "Anzeige",
            "Teilen",
            "Das könnte Sie auch interessieren",
            "Neue Radwege für die Innenstadt",
            "Kommentare (3)",
            "Ich finde das richtig so, die Brücke ist alt und muss repariert werden, auch wenn "
            "es für uns Anwohner lange Wege bedeutet und der Winter schon schwer genug ist.",
            "Impressum | Datenschutz | Kontakt",
            "© 2024 Beispielverlag. Alle Rechte vorbehalten.",
        ]
    )
    record = _record(cli, write, text)
    assert record["clean_text"] == "\n\n".join(GERMAN_BODY)
    removed = json.loads(cli("show", "1", "--removed", "--json").output)["removed"]
    reasons = {line["text"]: line["reason"] for line in removed}
    assert reasons["Zum Inhalt springen"] == "navigation"
    assert reasons["Anzeige"] == "ad-marker"
    assert reasons["Das könnte Sie auch interessieren"] == "related-list"
    assert reasons["Kommentare (3)"] == "comment-form"
    assert reasons["Impressum | Datenschutz | Kontakt"] == "navigation"


# --- Every European rule: an example it matches, a near miss it does not ------------------------

EXAMPLES = {
    "eu-related-list": (
        [
            "VERWANDTE ARTIKEL MEHR VOM AUTOR",
            "WEITERE BEITRÄGE ZU",
            "Weitere Nachrichten zum Hafen",
            "Ezek is érdekelhetnek",
            "Weitere aktuelle Themen aus der Arbeitswelt",
            "Weitere Tourentipps in Schweden",
            "Alle Nachrichten zum Naturschutz in Bayern",
            "Verwandte Links",
            "Die meistgelesenen Artikel bei SWR.de/Sport",
            "Weitere Artikel",
            "Das könnte dich auch interessieren",
            "Lesen Sie auch:",
            "À lire aussi",
            "Te puede interesar",
            "Leggi anche",
            "Zobacz także",
            "Lees ook",
            "NOTAS RELACIONADAS",
            "Video recomendado",
            "Mirá también",
            "Das könnte Dich auch interessieren …",
            "Dich interessiert vielleicht auch",
            "Für dich empfohlen",
            "Schon gelesen?",
            "Artikel zum Thema",
            "Themenrelevante Nachrichten",
            "TEMAS RELACIONADOS",
            "Contenido Relacionado",
            "las más vistas",
            "Pour approfondir",
            "Inne artykuły autora",
        ],
        [
            "Weitere Artikel über die Brücke finden Sie im Archiv der Zeitung von gestern.",
            "Lesen Sie auch die Stellungnahme der Stadt, die am Montag veröffentlicht wurde.",
            "Weitere Beiträge zum Hafen folgen in den nächsten Wochen, sagte die Redakteurin",
        ],
    ),
    "eu-comments-begin": (
        [
            "Kommentare",
            "3 Kommentare",
            "Leserkommentare",
            "Ein Gedanke zu „Brücke gesperrt“",
            "12 commentaires",
            "Deja un comentario",
            "Komentarze (4)",
            "Reacties",
        ],
        [
            "Kommentare der Anwohner waren in der Sitzung deutlich zu hören.",
            "Die Diskussion im Rat dauerte drei Stunden.",
        ],
    ),
    "eu-comment-form": (
        [
            "Deine E-Mail-Adresse wird nicht veröffentlicht.",
            "Votre adresse e-mail ne sera pas publiée.",
            "Twój adres e-mail nie zostanie opublikowany.",
        ],
        ["Die E-Mail des Bürgermeisters wurde nicht veröffentlicht, sagte die Sprecherin."],
    ),
    "eu-newsletter": (
        [
            "Si ya sos suscriptor podés",
            "La nota a la que intentas acceder es exclusiva para suscriptores",
            "Wir informieren Sie täglich (werktags) über die Topthemen des Tages.",
            "Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.",
            "Wenn du per E-Mail über Neues aus dem Hafen informiert werden willst, abonniere "
            "den Newsletter.",
            "Abonniere unseren Newsletter und erfahre alles über den Hafen.",
            "Newsletter abonnieren und 10€ Gutschein sichern!",
            "Zapraszamy też do subskrypcji tygodnika Port.",
            "Verpasse keine News zu Hardware & Gadgets",
            "Der Verivox-Newsletter: immer bestens informiert!",
            "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern.",
            "Saat parhaat jutut suoraan sähköpostiisi! Tilaa uutiskirje.",
            "Kostenlos registrieren und weiterlesen",
            "Schon registriert? Hier einloggen",
            "Newsletter abonnieren",
            "Jetzt anmelden",
            "Abonnez-vous",
            "Suscríbete",
            "Zapisz się do newslettera",
        ],
        [
            "Der Newsletter der Stadt erscheint jeden Montag mit den Terminen der Woche.",
            "Die Briefe der Leser landen in ihrem Posteingang, sagt die Redakteurin.",
            "Lähetin viestin suoraan sähköpostiin, kertoo johtaja.",
        ],
    ),
    "eu-cookie-consent": (
        [
            "Diese Webseite verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.",
            "Alle Cookies akzeptieren",
            "Ce site utilise des cookies.",
            "Esta web utiliza cookies propias y de terceros.",
        ],
        ["Die Bäckerei verkauft Kekse und Kuchen an der Brücke."],
    ),
    "eu-navigation": (
        [
            "Impressum",
            "Datenschutzerklärung",
            "Zum Inhalt springen",
            "Weiterlesen",
            "Mentions légales",
            "Aviso legal",
            "Impressum | Datenschutz | AGB",
            "Polityka prywatności",
            "Lees meer",
            "En savoir plus",
            "INGRESAR",
            "Informate más",
            "Zurück zum Lexikon",
            "Inhaltsverzeichnis",
        ],
        [
            "Das Impressum der Zeitung nennt drei Redakteure.",
            "Weiter ging es am Nachmittag mit der Besichtigung der Brücke.",
            "Zurück zum Hafen fuhr die Fähre erst am Abend.",
            "Das Inhaltsverzeichnis des Berichts nennt zwölf Kapitel.",
        ],
    ),
    "eu-ad-marker": (
        [
            "Anzeige",
            "- Anzeige -",
            "Werbung",
            "Publicité",
            "Reklama",
            "Der Artikel wird unter der Werbung fortgesetzt",
            "*Affiliate-Links",
        ],
        ["Die Anzeige gegen den Bauunternehmer wurde am Montag erstattet."],
    ),
    "eu-share-bar": (
        [
            "Teilen",
            "Auf Facebook teilen",
            "Artikel drucken",
            "Partager sur Facebook",
            "Compartir",
            "Teilen Twittern Pinnen",
        ],
        ["Teilen wollten die Anwohner ihre Sorgen mit dem Rat."],
    ),
    "eu-copyright": (
        [
            "© 2024 Beispielverlag GmbH. Alle Rechte vorbehalten.",
            "Tous droits réservés",
            "Wszelkie prawa zastrzeżone",
        ],
        ["Die Rechte der Anwohner wurden in der Sitzung betont."],
    ),
    "eu-image-credit": (
        [
            "Foto: Stadtverwaltung",
            "Bild: dpa",
            "Beitragsbild",
            "Symbolbild © Stadt",
            "Crédit photo : Mairie",
            "(Bild: Jana Keller)",
            "(Foto: Agência Porto)",
            "Fot. Jan Kowalski / Agencja Portowa",
            "Kuva: Jaana Virtanen",
            "Quelle: Landesregierung",
        ],
        [
            "Fotos der Brücke zeigen den Rost an den Pfeilern deutlich.",
            "Quelle: Die Stadt hat den Bericht selbst veröffentlicht. Er ist lang.",
            "(Bild: siehe unten, sagte der Fotograf, und lachte über die Brücke und den Hafen)",
        ],
    ),
    "eu-tags": (
        [
            "MARKIERT MIT",
            "Schlagwörter: Brücke, Winter, Verkehr",
            "Schlagworte",
            "Themen in diesem Artikel",
            "Related Topics",
            "Kategorie: Lokales",
            "Étiquettes : pont",
            "Etiquetas: puente",
            "Argomenti",
        ],
        [
            "Themen wie Verkehr und Bau bestimmten die Sitzung am Dienstag.",
            "Argomenti forti per il ponte",
        ],
    ),
    "eu-teaser-link": (
        [
            "Lesen Sie auch: Neue Radwege für die Innenstadt",
            "También puede leer: Tras el cierre del puente, la ciudad abre un ferry",
            "LEER MÁS: El puente cierra",
            "Lesetipp: Der Hafen bekommt einen Kran",
            "Auch interessant: Neue Fähre im Hafen",
            "Leia mais: O porto abre uma nova linha",
            "Lesen Sie hier: Der Hafen bekommt einen neuen Kran",
            "PUEDES VER: El puente cierra",
            "Czytaj też: Most zamknięty",
            "LEA: El concejo aprueba el presupuesto del puerto",
            "Le puede interesar: Cierran el puente viejo por obras",
            "MIRA: Así quedó el puente tras la tormenta",
            "Lea más: El concejo aprueba el presupuesto",
            "Mire: Así quedó el puente",
        ],
        [
            "Lesen Sie auch die Stellungnahme der Stadt",
            "Siehe auch unten",
            "Mira las fotos del puente en nuestra galería.",
            "Lea el informe completo en la web del ayuntamiento.",
            "Auch interessant ist, dass der Hafen einen Kran bekommt.",
            "También puede leer el informe en la web del ayuntamiento.",
        ],
    ),
    "eu-more-from-us": (
        [
            "Empfehlungen aus der Redaktion",
            "Top-Themen der Redaktion",
            "Hier weiterlesen",
            "Weitere Informationen:",
        ],
        ["Weitere Informationen gab die Stadt am Montag nicht bekannt."],
    ),
    "eu-page-tools": (
        [
            "Folgen Sie uns auf",
            "Rezept drucken",
            "Bloggen auf WordPress.com",
            "Folge uns auf Instagram",
            "Síguenos en Twitter",
        ],
        ["Inhaltsverzeichnis", "Folge uns nicht, sagte der Bürgermeister."],
    ),
    "eu-account-notice": (
        [
            "Vielen Dank für Ihre Registrierung. Sie haben jetzt den Aktivierungslink erhalten.",
            "Ihr Benutzerkonto ist aktiviert. Wir wünschen Ihnen viel Lesevergnügen.",
            "Sie haben die gedruckte Ausgabe gewählt. Wir wünschen Ihnen eine gute Lektüre.",
            "Thanks for signing up! Check your inbox to confirm.",
            "Merci pour votre inscription.",
        ],
        [
            "Vielen Dank für Ihre Geduld, sagte der Bürgermeister den Pendlern am Dienstag.",
            "Wir wünschen Ihnen, dass die Brücke bald wieder offen ist.",
        ],
    ),
    "eu-named-newsletter": (
        ["PC Gamer Newsletter", "Der Beispiel-Newsletter", "Stadtblatt Newsletter"],
        ["Der Newsletter erscheint am Montag", "Newsletter des Rathauses zur Brücke im Winter"],
    ),
    "cookie-explained": (
        [
            "Diese Cookies sind unbedingt erforderlich, um Ihnen die Funktionen unserer "
            "Webseite zur Verfügung zu stellen.",
            "Statistik-Cookies helfen uns zu verstehen, wie Besucher die Website nutzen.",
            "Ces cookies permettent de mesurer l'audience du site.",
            "Please accept the video platform's cookies to play this video: by accepting you "
            "will see content from an external service.",
            "Cookie-Einstellungen",
        ],
        [
            "Roll the dough into balls and place them on a cookie sheet.",
            "Die Kinder backen Cookies für den Basar der Schule.",
            "Regulators fined three websites on Monday for setting advertising cookies before "
            "their visitors had agreed to them, the first fines of their kind in the country, "
            "and said that the companies had ignored two warnings sent to them last spring "
            "about the banners shown to every visitor of their pages.",
        ],
    ),
    "eu-caption-credit": (
        [
            "Eine Förderanlage im Abendlicht © Jane Doe",
            "Das Hermelin ist im Winter gut getarnt. (mlharing / iStock.com)",
            "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com",
            "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina",
            "Auch der Bürgermeister gehört zu den Unterstützern. Bild: dpa",
            "El periodista ruso tras el ataque sufrido en abril (REUTERS/Jane Doe)",
            "Neue Seminare starten im März. (Quelle: Keller/Unsplash/Verband)",
            "Wer die Äste auf die Wege zieht, ist unklar (Symbolbild).",
            "Coronaviren unter dem Mikroskop; Aufnahme von 1975; Quelle: CDC/Wikipedia",
        ],
        [
            "Die Ausstellung zeigt Bilder aus hundert Jahren. Foto und Film sind gleich vertreten.",
            "Foto: the word is German for photo, the guide explained to the visitors.",
            "Die Zahl stieg um acht Prozent (Quelle: Statistisches Landesamt).",
            "Die Zahl stieg um acht Prozent. Quelle: Statistisches Landesamt",
        ],
    ),
    "eu-support-us": (
        [
            "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus.",
            "Jede kleine Spende hilft den Menschen vor Ort!",
            "Unterstütze das Projekt:",
            "Ihr Beitrag hilft, unsere Berichterstattung weiterhin kostenlos anzubieten.",
            "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
            "Gefällt dir unser Hafenmagazin? Wir haben entschieden, keine Bezahlschranke "
            "einzuführen. Unterstütze uns!",
            "Die aktuelle Ausgabe jetzt an jedem Bahnhofskiosk, im Abo oder als E-Paper.",
            "Sie lesen gern Hafenbote.de?",
            "Ihre Meinung zu diesem Thema Jetzt 3 Ausgaben GRATIS erhalten!",
            "Tú también puedes apoyar el periodismo local. Cancela cuando quieras.",
        ],
        [
            "Unterstützen Sie die Kinder beim Lesen, rät die Lehrerin den Eltern.",
            "Die Stadt unterstützt das Projekt mit 5.000 Euro.",
            "Ihr Beitrag zur Debatte war wichtig, sagte die Bürgermeisterin.",
            "Die aktuelle Ausgabe des Berichts liegt im Rathaus aus.",
            "Sie lesen gern Krimis, sagte die Bibliothekarin, und empfahl drei neue Bücher.",
        ],
    ),
    "eu-cookie-we-use": (
        [
            "Korzystamy z plików cookies, aby ułatwić korzystanie z serwisu.",
            "Wir verwenden Cookies, um die Seite zu verbessern.",
        ],
        ["Wir verwenden Kekse zum Backen."],
    ),
    "eu-loading": (
        ["Wird geladen...", "Chargement…", "Cargando"],
        ["Geladen wurden die Lastwagen schon am Morgen."],
    ),
    "eu-comment-prompt": (
        [
            "Valora esta noticia",
            "Dołącz do dyskusji",
            "Para comentar debes registrarte y completar los datos generales.",
            "Bitte loggen Sie sich vor dem Kommentieren ein",
            "Wenn Sie diesen Beitrag kommentieren möchten, füllen Sie das Formular aus.",
            "Diese Seite verwendet Akismet, um Spam zu filtern.",
            "Vos réactions (4)",
            "Verraten Sie gerne in den Kommentaren: Wie gefällt Ihnen der neue Hafen?",
            "Prosimy o zaznaczenie checkboxa przed dodaniem komentarza.",
        ],
        [
            "Der Bürgermeister wollte den Beitrag der Stadt nicht kommentieren.",
            "Vos réactions nous intéressent, écrit la mairie dans sa lettre.",
            "Die Leser verraten in den Kommentaren viel über sich, sagte die Forscherin.",
        ],
    ),
    "eu-license-note": (
        [
            "Alle Texte dieser Seite stehen unter einer Creative-Commons-Lizenz.",
            "Dieser Beitrag ist lizenziert unter einer Creative Commons Namensnennung 4.0.",
            "This blog is licensed under a Creative Commons license.",
        ],
        ["Das Archiv der Stadt steht unter Denkmalschutz und bleibt im Winter geschlossen."],
    ),
    "eu-filed-under": (
        [
            "Dieser Eintrag wurde veröffentlicht in Stadt und verschlagwortet mit Brücke, Winter.",
            "Der Beitrag wurde am 3. März um 9:15 Uhr veröffentlicht und unter Verkehr abgelegt.",
        ],
        [
            "Der Bericht der Prüfer wurde im Rathaus ausgelegt und kann eingesehen werden.",
            "Die Akten sind verschlagwortet worden, sagte die Archivarin.",
        ],
    ),
    "eu-share-prompt": (
        [
            "Mit Freunden teilen",
            "Dir hat der Artikel gefallen? Jetzt teilen...",
            "Artikel gefallen? Vergiss nicht zu teilen!",
            "Sharen mit:",
            "Rezept drucken",
            "Bei Pinterest speichern",
            "Hat Ihnen dieser Artikel gefallen? Dann teilen Sie ihn doch mit anderen",
        ],
        ["Teilen mit den Nachbarn ist in der Siedlung üblich, sagte die Bürgermeisterin."],
    ),
    "eu-image-tools": (
        ["Zum Vergrößern auf das Bild klicken", "Bild anzeigen Bild schließen", "Vergrößern"],
        ["Die Stadt will den Park vergrößern, sobald die Brücke fertig ist."],
    ),
    "eu-author-heading": (
        [
            "Über den Autor",
            "Über die Autorin:",
            "À propos de l'auteur",
            "Über den Autor/ die Autorin",
            "Autoreninfo",
        ],
        ["Über den Autor des Berichts ist wenig bekannt, sagte die Stadt."],
    ),
    "eu-newsletter-consent": (
        [
            "Mit Absenden meiner E-Mail-Adresse willige ich bis auf Widerruf ein, den "
            "Newsletter des Hafenboten zu erhalten. Die Einwilligung kann ich jederzeit "
            "widerrufen.",
            "Hiermit willige ich ein, dass mir der Hafenbote seinen Newsletter schickt.",
            "Ich bin mit der Verarbeitung meiner Daten nach der Datenschutzerklärung "
            "einverstanden.",
        ],
        [
            "Mit dem Absenden der Briefe begann die Stadt schon im März, sagte der Sprecher.",
            "Der Vater willigte schließlich ein, den Hof zu verkaufen.",
        ],
    ),
    "eu-embed-consent": (
        [
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis "
            "keine Verbindung zu Twitter her.",
            "Hier steht ein Video. Wir stellen ohne Ihr Einverständnis keine Verbindung zu "
            "YouTube her.",
            "Klicken Sie auf den unteren Button, um den Inhalt von www.karten.example zu laden.",
            "Wenn Sie diesen Button anklicken, werden persönliche Daten an Mastodon übertragen. "
            "Sind Sie damit einverstanden?",
        ],
        [
            "Die Firma respektiert die Privatsphäre ihrer Kunden nicht, urteilte das Gericht.",
            "Wenn Sie diesen Button anklicken, öffnet sich der Fahrplan der Fähre.",
        ],
    ),
    "eu-opinion-disclaimer": (
        [
            "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der "
            "Redaktion.",
            "Der Gastbeitrag spiegelt nicht unbedingt die Meinung der Redaktion wider.",
            "Este artículo no refleja necesariamente la opinión del diario.",
            "Cette tribune n'engage que son auteur.",
        ],
        [
            "Die Umfrage gibt die Meinung der Bürger gut wieder, sagte die Forscherin.",
            "El alcalde dijo que el informe refleja la opinión de los vecinos.",
        ],
    ),
    "eu-consent-manager": (
        [
            "Switch zum Einwilligen bzw. Ablehnen des Dienstes Youtube",
            "Verarbeitungsvorgänge: Erhebung von Verbindungsdaten und von Daten Ihres Webbrowsers.",
            "Speicherdauer: Daten auf Ihrem Endgerät bis zu zwei Jahre.",
            "Rechtsgrundlage für die Datenübermittlung in die USA: Der Konzern übermittelt "
            "Ihre Daten.",
            "Sofern Sie Ihre Datenschutzeinstellungen ändern möchten, klicken Sie hier.",
        ],
        [
            "Die Speicherdauer der Daten war im Rat umstritten, sagte der Sprecher.",
            "Der Verantwortliche des Hafens würde gerne mit der Stadt sprechen.",
        ],
    ),
    "eu-next-article": (
        [
            "Nächster Artikel Hafen bekommt neuen Kran",
            "Vorheriger Artikel ++ Wetter in der Region: mild ++",
            "Article suivant Le port ouvre une nouvelle ligne",
            "Next article Ferry fares rise again",
            "Vorheriges",
            "Nächster Beitrag",
            "Vorheriges Weiter",
            "Vorschau auf den nächsten Artikel",
            "Next: Ferry fares rise again in the spring",
            "Older posts",
            "Newer entry »",
            "Nächster Eintrag: Der Hafen im Winter",
        ],
        [
            "Nächstes Jahr",
            "Nächster Artikel der Serie erscheint am Montag, schrieb die Redaktion in ihrem "
            "Vorwort zu den Plänen für den Hafen, den Kran und die neue Fähre, die im Sommer "
            "zwischen den beiden Ufern fahren soll, wie der Bürgermeister am Dienstag sagte.",
            "Next: the ferry.",
            "Next: the council votes on the budget, then the port's plan is read.",
            "Older posts of the harbour master tell of floods in 1962.",
        ],
    ),
    "eu-liability-disclaimer": (
        [
            "Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die "
            "Inhalte externer Links.",
            "(Alle Angaben ohne Gewähr)",
        ],
        [
            "Alle Angaben ohne Gewähr, sagte der Sprecher, bevor er die Zahlen der Fähre vorlas.",
        ],
    ),
    "eu-no-events": (
        ["Es gibt derzeit keine bevorstehenden Veranstaltungen.", "There are no upcoming events."],
        ["Es gibt derzeit keine Pläne für eine neue Brücke, sagte die Bürgermeisterin."],
    ),
    "eu-agency-initials": (
        ["aja/PAP", "(dpa/jk)", "mak/kna"],
        ["und/oder", "AfD/CDU", "Die Agentur dpa meldete es am Abend."],
    ),
    "eu-join-channel": (
        [
            "¿Ya sabías que en Diario del Puerto tenemos canal de Telegram? Únete desde tu "
            "celular.",
            "Síguenos en Telegram, Instagram y Facebook para recibir nuestras noticias al instante",
        ],
        [
            "El gobierno tiene un canal de diálogo con los transportistas, dijo el ministro.",
            "Síguenos en este mapa para recorrer el puerto, dijo la guía a los turistas.",
        ],
    ),
}


def _matches(rule_id: str, line: str) -> bool:
    rule = next(rule for rule in rules.BOILERPLATE_RULES if rule.id == rule_id)
    text = " ".join(line.split())
    return len(text.split()) <= rule.max_words and rule.pattern.search(text.lower()) is not None


def test_every_european_rule_has_an_id_a_category_a_reason_and_examples():
    european = rules.EUROPEAN_RULES + rules.EUROPEAN_MORE_RULES
    for rule in european:
        assert rule.id and rule.name and rule.why
        assert rule.id in EXAMPLES
    assert len({rule.id for rule in european}) == len(european)


@pytest.mark.parametrize(
    ("rule_id", "line"), [(r, x) for r, (xs, _) in EXAMPLES.items() for x in xs]
)
def test_a_european_rule_matches_its_examples(rule_id, line):
    assert _matches(rule_id, line)


@pytest.mark.parametrize(
    ("rule_id", "line"), [(r, x) for r, (_, xs) in EXAMPLES.items() for x in xs]
)
def test_a_european_rule_leaves_its_near_misses_alone(rule_id, line):
    assert not _matches(rule_id, line)


# --- HTML: the declared language first, the detector without one ------------------------------


def _html(body: list[str], lang: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    attrs = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{attrs}><head><meta charset='utf-8'><title>Brücke</title></head>"
        f"<body><article><h1>Brücke bleibt gesperrt</h1>{paragraphs}</article></body></html>"
    )


def test_an_html_page_keeps_its_declared_language():
    from archiver.html import extract_html

    result = extract_html(_html(GERMAN_BODY, lang="de-AT"))
    assert result.metadata["language"].value == "de-AT"
    assert result.metadata["language"].source != "detector"


def test_an_html_page_without_a_declared_language_gets_the_detected_one(cli, write):
    result = cli("add", write("page.html", _html(GERMAN_BODY)))
    assert result.exit_code == 0, result.output
    record = json.loads(cli("export").output.splitlines()[-1])
    assert record["language"] == "de"
    assert record["fields"]["language"]["source"] == "detector"


# --- Bylines and dates in the page's language --------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Von Heike Lindner", "Heike Lindner"),
        ("Gepostet von Katrin Vogel | Wohnen", "Katrin Vogel"),
        ("Text von Jonas Berger Illustration von Mia Roth", "Jonas Berger"),
        ("Autor*in: Lea Brandt", "Lea Brandt"),
        ("Par Julien Moreau, le 3 mars 2021", "Julien Moreau"),
        ("Por María López", "María López"),
        ("Przez Anna Nowak", "Anna Nowak"),
        ("Veröffentlicht am 9. Juli 2016 von Jonas Berger", "Jonas Berger"),
        ("Mehr über Lea Brandt", "Lea Brandt"),
        ("Alle Artikel von Lea Brandt", "Lea Brandt"),
        ("More stories by Jane Whitmore", "Jane Whitmore"),
    ],
)
def test_a_byline_in_the_pages_language_gives_the_author(byline, author):
    text = "\n".join(["Brücke bleibt im Winter gesperrt", *GERMAN_BODY, byline, "Impressum"])
    assert clean_text(text).metadata["author"].value == author


@pytest.mark.parametrize(
    "near_miss",
    [
        "Von Berlin nach Hamburg fährt der Zug zwei Stunden",
        "Von Montag an",
        "Por favor",
        "Mehr über die Brücke",
        "Alle Artikel von heute",
    ],
)
def test_a_line_opening_with_a_preposition_is_no_byline(near_miss):
    text = "\n".join(["Brücke bleibt im Winter gesperrt", *GERMAN_BODY, near_miss, "Impressum"])
    assert "author" not in clean_text(text).metadata


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("19. Oktober 2019, 19:08 Uhr", "2019-10-19"),
        ("Jana Keller, 02.01.2023, 11:08 Uhr", "2023-01-02"),
        ("Publié le 12 mars 2021", "2021-03-12"),
    ],
)
def test_a_date_line_under_the_article_gives_its_date(line, published):
    text = "\n".join(["Startseite", "Brücke bleibt gesperrt", *GERMAN_BODY, line, "Impressum"])
    assert clean_text(text).metadata["published"].value == published


def test_a_date_opening_the_first_paragraph_gives_the_date():
    first = "31. Oktober 2023. " + GERMAN_BODY[0]
    text = "\n".join(["Startseite", "Brücke bleibt gesperrt", first, *GERMAN_BODY[1:]])
    assert clean_text(text).metadata["published"].value == "2023-10-31"


def test_a_date_inside_a_paragraph_is_not_the_publication_date():
    middle = GERMAN_BODY[0] + " Die Sperrung beginnt am 3. November 2023."
    text = "\n".join(["Startseite", "Brücke bleibt gesperrt", middle, *GERMAN_BODY[1:]])
    assert "published" not in clean_text(text).metadata


def test_a_script_left_in_a_page_does_not_decide_its_language():
    script = "function(e,t){return new Template(e.render(t),{var a=1,b=2})} " * 40
    text = "\n".join([script, *GERMAN_BODY, "Impressum"])
    result = clean_text(text)
    assert result.metadata["language"].value == "de"
    assert result.text == "\n\n".join(GERMAN_BODY)


# --- A page with article text is never refused ------------------------------------------------


def test_a_paywalled_teaser_between_share_bars_is_archived_not_refused(cli, write):
    teaser = (
        "Ein leitender Beamter hat in einer eidesstattlichen Erklärung gesagt, dass jeder mit "
        "genug Entschlossenheit aus dem Gefängnis fliehen könne."
    )
    menu = [f"Rubrik {i}" for i in range(1, 30)]
    share = ["Teilen", "Facebook", "Twitter", "E-Mail"]
    text = "\n".join(
        [*menu, "Gefängnis: Jeder könnte fliehen", *share, teaser, *share, "Impressum"]
    )
    record = _record(cli, write, text)
    assert teaser in record["clean_text"]
    assert "Facebook" not in record["clean_text"] and "Impressum" not in record["clean_text"]


def test_a_page_of_short_lines_keeps_what_is_no_known_boilerplate_and_says_so(cli, write):
    results = [f"{i}. Lea Brandt {1990 + i} LG Nord" for i in range(1, 9)]
    text = "\n".join(["Startseite", "Ergebnisse 2007", *results, "Teilen", "Impressum"])
    record = _record(cli, write, text)
    assert all(line in record["clean_text"] for line in results)
    assert "Teilen" not in record["clean_text"] and "Impressum" not in record["clean_text"]
    assert "no run of article text was found" in record["fields"]["reading"]["value"]


def test_a_page_of_nothing_but_known_boilerplate_is_still_refused(cli, write):
    result = cli("add", "--format", "text", write("nav.txt", "Impressum\nDatenschutz\nTeilen\n"))
    assert result.exit_code == 1
    assert "looks like boilerplate" in result.output


# --- Titles are never UI strings, credits or counters -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Twitter Facebook LinkedIn Email Reddit Digg Print",
        "Whatsapp Teilen Twittern Pinnen",
        "Courtesy of the City Archive",
        "In Flickr CC by some_user",
        "Strict Standards : Declaration of Walker::start() should be compatible",
        "Es befinden sich keine Artikel im Warenkorb",
        "5343 mal gelesen | 32 Kommentare",
        "E-Mail-Überprüfung fehlgeschlagen, bitte versuche es noch einmal",
        "Click to copy URL",
        "Datenschutzerklärung und Cookie-Einstellungen",
        "Hinweise zum Datenschutz",
        "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV",
        "Technical Consultant (m/w/d) Glenbrook GmbH",
        "Frontend Entwickler (w/m/d)",
        "Springe zum Inhalt",
        "Vollbild",
        "Mehr von Redaktion lesen",
        "1,0 bei 2 Bewertungen",
        "Lade für ein besseres Erlebnis einen neueren Browser kostenfrei herunter",
        "Wenn Sie diesen Button anklicken, werden persönliche Daten an Facebook übertragen",
        "Link zur Diskussion Zu Favoriten hinzufügen",
        "Whatsapp Teilen Twittern Pinnen Jagdbericht Leserbrief",
        "Autor: Die Redaktion",
        "Kolumnist*in: Jana Keller",
        "Pressestelle der Stadt Glenbrook",
        "Escribe Camila Méndez en Territorio",
        "NOCH KEINE Kommentare",
        "Publicado el 11 de mayo",
        "Veröffentlicht am 3. März",
        "Ajouter à la playlist",
        "Ingrese o regístrese acá para guardar los artículos",
        "¿Quieres estar informado de las últimas noticias?",
        "Redaktion",
    ],
)
def test_a_ui_string_is_never_a_title(line):
    assert rules.not_title(line)
    text = "\n".join(["Startseite", line, *GERMAN_BODY])
    assert clean_text(text).metadata.get("title") is None or (
        clean_text(text).metadata["title"].value != line
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Stadt druckt neue Fahrpläne für die Brückensperrung",
        "Warnung vor dem Winter: Viewer-Zahlen steigen",
        "Via Appia wird für Radfahrer gesperrt",
        "Datenschutztechnische Anpassung der Vorlagen für den Brückenshop",
        "Verantwortlich für die Brücke: Stadt prüft ihre Pfeiler",
        "Stadt sucht Prüfer (m) und Prüferinnen (w) für die Brücke",
        "Springen die Preise? Die Brücke wird teurer als geplant",
        "Vollbild der Lage: Was die Prüfer an der Brücke fanden",
        "Mehr von der Brücke lesen die Prüfer im neuen Gutachten nicht",
        "Facebook und Twitter streiten über die Brücke",
        "Pressestellen der Stadt sollen zusammengelegt werden",
        "Autoren der Stadt lesen an der Brücke",
        "Keine Kompromisse an der Brücke",
        "Publikum feiert die neue Brücke",
        "Redaktionen ziehen in das Haus an der Brücke",
    ],
)
def test_a_headline_near_a_ui_word_is_still_a_title(headline):
    assert not rules.not_title(headline)


def test_a_heading_opening_with_a_german_article_is_no_name_though_the_page_repeats_it():
    """ "Der Turm der Wünsche" stands twice over its date: a name repeated would be the
    author; a heading opening with "Der" is the headline. "van der" stays a name's part."""
    headline = "Der Turm der Wünsche"
    lines = ["Startseite", "Aktuelles", headline, "21.01.2022 Presse-Mitteilung", headline]
    result = clean_text("\n".join([*lines, *GERMAN_BODY]))
    assert result.metadata["title"].value == headline
    assert result.metadata["author"].value != headline
    assert name_like("Jan van der Berg") and not name_like(headline)


def test_a_byline_naming_the_newsroom_gives_it_and_is_no_headline():
    lines = ["Startseite", "Brücke bleibt im Winter gesperrt", "Autor: Die Redaktion"]
    result = clean_text("\n".join([*lines, "Veröffentlicht am 06.12.2022", *GERMAN_BODY]))
    assert result.metadata["title"].value == "Brücke bleibt im Winter gesperrt"
    assert result.metadata["author"].value == "Die Redaktion"


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Nachrichten und Pressemeldungen", True),
        ("Presse und News >", True),
        ("Übersicht - alle Themen", True),
        ("NEWS FEATURES BEAUTY ENTERTAINMENT HEALTH", True),
        ("Allgemein , news", True),
        # Near misses: a headline made of such words and others.
        ("Neue Nachrichten von der Brücke", False),
        ("Sport im Winter: Die Brücke bleibt gesperrt", False),
    ],
)
def test_a_section_label_is_never_a_title(line, label):
    assert rules.section_label(line) == label
    text = "\n".join(["Startseite", line, "24.10.2018", *GERMAN_BODY])
    found = clean_text(text).metadata.get("title")
    assert (found is None or found.value != line) == label


@pytest.mark.parametrize(("line", "author"), [("Anna Kaiser", True), ("Neue Kaiserstraße", False)])
def test_a_name_beside_the_date_is_the_author_though_the_article_says_a_longer_word(line, author):
    """The article names the "Kaiserstraße": a name's word held in a longer one is no sign
    the line is a headline's words (as a noun phrase the article uses is); the street's own
    name, used word for word, is."""
    street = (
        "Auch die Kaiserstraße bleibt gesperrt, bis die Arbeiten an der Brücke im Frühjahr "
        "abgeschlossen sind und die Prüfer ihr Gutachten vorgelegt haben."
    )
    header = ["Startseite", "Politik", "Brücke bleibt im Winter gesperrt", "Kommentar"]
    text = "\n".join([*header, "19. Oktober 2019", line, "1 Kommentar", *GERMAN_BODY, street])
    found = clean_text(text).metadata.get("author")
    assert (found is not None and found.value == line) == author


def test_a_date_line_above_a_gallery_over_the_article_gives_its_date():
    gallery = [f"Bild {i} von 20: Die Brücke im Nebel" for i in range(1, 21)]
    header = ["Startseite", "Lokales", "Politik", "Sport", "Impressum", "3. März 2021"]
    title = "Brücke bleibt im Winter für Autos gesperrt"
    text = "\n".join([*header, *gallery, title, *GERMAN_BODY])
    assert clean_text(text).metadata["published"].value == "2021-03-03"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("".join(CHINESE_BODY[:2]), "zh"),
        ("先日、古い橋が冬の間は車で通れなくなるという発表が市からありました。", "ja"),
        ("시청은 화요일에 오래된 다리를 겨울 동안 폐쇄한다고 발표했습니다.", "ko"),
    ],
)
def test_chinese_japanese_and_korean_are_told_by_their_scripts(text, code):
    assert detect(text)[0] == code


# --- Lead paragraphs ---------------------------------------------------------------------------

GERMAN_LEAD = (
    "Die alte Brücke über den Fluss bleibt den ganzen Winter für Autos gesperrt. Die Prüfer "
    "haben an zwei Pfeilern mehr Rost gefunden, als die Stadt erwartet hatte."
)
ENGLISH_DECK = (
    "The old river bridge will stay closed to cars all winter. Inspectors found far more rust "
    "on two of its supports than the town had expected."
)
ENGLISH_BODY = [
    "The town council of Glenbrook voted on Tuesday evening to close the old river bridge to "
    "cars for the whole of the winter, after an inspection found that two of its supports had "
    "rusted far more than the engineers had expected.",
    "The decision means that drivers who cross the river every morning will have to take the "
    "long way round by the ring road, which adds about twelve minutes to the journey.",
    "The repairs should be finished in time for the spring, the mayor said, and the buses of "
    "the town's transport company will then be the first to cross the bridge again.",
]


@pytest.mark.parametrize(
    ("headline", "standfirst", "byline", "body", "kept"),
    [
        # A German lead paragraph ("Vorspann") opens the article's text.
        ("Brücke bleibt im Winter gesperrt", GERMAN_LEAD, "Von Jana Keller", GERMAN_BODY, True),
        # Two short sentences make a lead paragraph too...
        (
            "Brücke bleibt im Winter gesperrt",
            "Die alte Brücke bleibt gesperrt. Die Prüfer fanden Rost an zwei Pfeilern.",
            "Von Jana Keller",
            GERMAN_BODY,
            True,
        ),
        # ... an abbreviation's dot does not end a sentence.
        (
            "Brücke bleibt im Winter gesperrt",
            "Die Stadt sperrt die alte Brücke bis Ende März, u. a. für Busse und Lastwagen.",
            "Von Jana Keller",
            GERMAN_BODY,
            False,
        ),
        # An English deck of the same shape is a subheadline: only the description.
        ("Bridge to stay shut all winter", ENGLISH_DECK, "By Jane Doe", ENGLISH_BODY, False),
        # A German deck that does not close as a sentence closes is a subheadline too.
        (
            "Brücke bleibt im Winter gesperrt",
            "Die Stadt sperrt die alte Brücke über den Fluss bis zum Frühjahr für alle Autos, "
            "Lastwagen und Busse, weil die Prüfer an zwei Pfeilern Rost gefunden haben",
            "Von Jana Keller",
            GERMAN_BODY,
            False,
        ),
    ],
)
def test_a_lead_paragraph_opens_the_text_where_the_language_sets_it_so(
    headline, standfirst, byline, body, kept
):
    text = "\n".join(["Startseite", "Politik", headline, standfirst, byline, *body, "Impressum"])
    result = clean_text(text)
    paragraphs = result.text.split("\n\n")
    assert (standfirst in paragraphs) == kept
    assert paragraphs[-1] == body[-1]
    assert result.metadata["description"].value == standfirst
    assert result.metadata["title"].value == headline
    removed = {line.text: line.reason for line in result.removed}
    assert kept or removed[standfirst] == "standfirst"
