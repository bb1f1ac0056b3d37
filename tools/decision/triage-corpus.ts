import { SeededRandom } from '@ordex/demo-data';
import { NEUTRAL_NOTE, TRIAGE_CATEGORIES, TRIAGE_CLASSES, type TriageExample } from '@ordex/decision';

/**
 * Labelled notes for training and judging the text-triage model: what customer service,
 * warehouse, finance and IT staff at a distributor write on orders and ERP holds, generated from
 * sentence templates per exception category.
 *
 * A template is a sentence with alternatives (`[out of stock|OOS|nicht auf Lager]`) and slots
 * (`{sku}`, `{dc}`, `{cust}`, `{amt}`, `{date}`…) filled from lists of SKU codes, products, DCs,
 * customers, carriers, amounts and dates shared by every category, so that a name never gives the
 * category away. Each note is then roughed up the way real notes are: a greeting or sign-off,
 * shorthand (customer → cust, please → pls), typos, casing, and sometimes another category's
 * all-clear in contrast ("stock ok, but …"), which teaches that a mentioned topic is not the problem.
 *
 * Notes about none of the categories are labelled `NEUTRAL_NOTE`: delivery instructions, contacts,
 * opening hours, references, packaging, gate and dock, thanks, "as discussed with …". Without them
 * the model only learns which category a note is about, never that it is about none, and names one
 * for most neutral notes. They are roughed up like the others, all-clears included ("stock ok,
 * …"), so an all-clear beside a neutral note stays neutral.
 *
 * There are 42 templates per category and 42 neutral ones (336 in all). The held-out notes come
 * from different templates than the training notes: every fourth template of a class (the 4th,
 * 8th, …, 10 per class) is held out and never trained on. What they share is the slot
 * vocabulary, each category's own words (`{oos}`, `{climit}`, `{cutoff}`…), the roughing-up and
 * the all-clear phrases, not the sentences, so the held-out score measures reading new phrasings
 * of the same problems, not recall of the training sentences.
 */
export const TRIAGE_TEMPLATES: Record<string, readonly string[]> = {
  STOCK_SHORTAGE: [
    '{sku} {oos} [in|at] {dc}, [pls|please|bitte] [ship|source] from {dc2}',
    '{dc} [short|short by {n}|missing {qty}] on {line}, {dc2} has [enough|{qty}|stock]',
    'only {qty} [available|avail|on hand|verfügbar] of {qty} ordered for {sku}',
    '{oos} in {dc}, {transfer} [von|from] {dc2} [angefragt|requested|nötig]',
    '{line} {sku}: {backorder} until {date}, [next PO|inbound PO|PO] ETA {date}',
    'Fehlmenge {qty} bei {sku}, [Lager|Bestand] {dc} leer',
    '[zero|0] [available|avail|ATP] for {sku} at {dc}, everything [allocated|reserved] to other orders',
    'cannot fill {line}, [stock|inventory|Bestand] [ran out|depleted|used up] [yesterday|this morning|last week]',
    '[stock|inventory] at {dc} [shows|says] {n} but [shelf|bin|location] [empty|is empty], [cycle count|count] [requested|pending]',
    '{cust} [wants|needs] {qty} {product}, we only have {n} [in {dc}|left|total]',
    '[supplier|vendor|Lieferant] [delayed|pushed] [the PO|inbound|delivery] to {date} [so|->] {sku} {oos} [for|on] {order}',
    '[pls|please] [split|partial ship] - {line} {oos}, rest [ok|can go|available]',
    '[propose|offer] substitute {sku} [for|instead of] {sku}, [original|orig] {oos}',
    '{dc} [empty|leer|0 pcs] on {product}, [check|pls check] {dc2} or [expedite PO|expedite the PO]',
    '[no stock anywhere|nowhere in stock|kein Bestand in allen Lagern] for {sku}, procurement [to expedite|pls expedite|informed]',
    '[short|shortage] [pick|picking] on {order}: [picker|picking] found only {n} [of|from] {n}',
    '[not enough|insufficient|nicht genug] [stock|Bestand|inventory] [to cover|for] {order}, [missing|short] {qty}',
    '[reserve|allocate] from {dc2}? {dc} [cannot|can not] [cover|fill] {line}',
    '{product} [sold out|ausverkauft|stock out] [until|bis] {date}',
    '[ATP check|availability check|Verfügbarkeitsprüfung] [failed|negativ|negative] for {line}, {oos} [in|at] {dc}',
    '[damaged|broken|beschädigte] [stock|goods|units] in {dc}, [so|->] [only|just] {n} [sellable|usable|good] [left|pcs]',
    '[qty|quantity|Menge] {n} [exceeds|is more than|over] [available|free stock|ATP] at {dc}',
    '[wait for|waiting on|warten auf] [inbound|container|Wareneingang] {date} [before|to] [we can ship|completing] {line}',
    '{transfer} [created|raised|needed] {dc2} -> {dc} for {sku}',
    "[we are|we're|wir sind] [out|blank|leer] on {product} [at|in] {dc}",
    '{sku} [discontinued at supplier|no longer available from supplier], [remaining|last] {qty} [in {dc}|only]',
    '[allocation|quota|Kontingent] [used up|exhausted|aufgebraucht] for {product}, {cust} gets {n} [only|max]',
    '{backorder} {line}, [customer|cust] [informed|to be informed], [new date|ETA] {date}',
    '[stock|inventory] [discrepancy|mismatch] [on|for] {sku}: [system|WMS] {n}, [physical|actual] {n}, [cannot|can not] fill',
    '[nachliefern|deliver later|ship later] [for|für] {line}, {oos} [in|at] {dc}',
    '{dc} [has|shows] [no|zero|0] {product}, [can|could] {dc2} [cover|send|ship]?',
    '[need|brauchen] {qty} [more|extra|mehr] {product} [for|für] {order}, [stock|Lager] [too low|zu niedrig|insufficient]',
    '[partial|Teil] [pick|Kommissionierung]: {line} [short|missing|fehlt] {qty}',
    '[source|ship|deliver] {line} from {dc2} [instead|stattdessen], {dc} {oos}',
    "[inbound|PO] {po} [delayed|verspätet|late], [stock|Bestand] for {sku} [won't|will not] [arrive|come] [before|until] {date}",
    '[item|article|Artikel] {oos} [in requested qty|in der Menge|in full], [only|nur] {n} [possible|avail]',
    '[bitte|pls] {transfer} [von|from] {dc2}, {dc} [hat|has] [nur|only] {n}',
    '[Bestand|stock] [reicht nicht|not sufficient|too low] [für|for] {line}, {backorder} [für|for] {qty}',
    '{n} [short|missing|fehlen] [on|bei] {sku} [after|nach] [picking|Kommissionierung], [rest|Rest] {backorder}',
    '{oos}: {product}, [PO|Bestellung] [ETA|eta] {date}',
    "[can we|können wir] [get|take] {qty} [from|aus] {dc2}? {dc} [won't|will not] [have|get] [stock|Ware] [before|bis] {date}",
    '[last|letzte] {qty} [went to|allocated to|reserved for] {cust}, [nothing|nichts] left [for|für] {order}',
  ],
  PRICE_MISMATCH: [
    'price on {line} {mismatch} {contractp}',
    '[customer PO|cust PO|their PO] [price|says] {price}, [our|ERP|system] [price|has] {price} for {sku}',
    '{line} [priced|is] {pct} [under|below|over|above] contract, tolerance {pct}',
    '[margin|GM|Marge] [below|under|unter] floor on {line}, [needs|requires|pls] [pricing approval|approval from pricing|override approval]',
    'Preisdifferenz [auf|bei] {line}: {contractp} {price}, [Auftrag|Bestellung] {price}',
    '[wrong|incorrect|falscher] [price|Preis] [on|for|bei] {sku}, [should be|sollte] {price}',
    '[discount|Rabatt] [not applied|missing|fehlt] [on|for] {line}, [contract|agreed] {pct}',
    "[old|outdated|last year's] {pricelist} [used|applied] [on|for] {order}",
    '[customer|cust] [disputes|questions|complains about] [price|pricing] on {line}, [says|claims] {contractp} {price}',
    '[net price|Nettopreis] {price} [vs|versus|instead of] {contractp} {price}, [diff|difference] {pct}',
    '[price override|override] [needed|requested|required] for {line}, [below|under] [margin floor|min margin] ({pct})',
    '{contractp} [expired|abgelaufen] {date}, [list price|current price] [charged|applied], [cust|customer] [objects|disagrees]',
    '[pricing|price] [error|issue|problem] on {order}: {line} [at|@] {price} [instead of|statt] {price}',
    '[list price|Listenpreis] [charged|used] [instead of|not] [contract|special|Sonderpreis] [price|pricing] for {cust}',
    '[pls|please] [correct|fix|adjust] [price|pricing] [to contract|to agreement|to {price}] [on|for] {line}',
    '{pct} [off|deviation|Abweichung] [from|vom] [contract|Vertrag] on {sku}, [outside|über] tolerance',
    '[unit price|Stückpreis|price per unit] [wrong|falsch|mismatch] - {price} [per|/] [pc|piece|Stk] [expected|erwartet]',
    '[sold|selling|verkauft] [below|under|unter] [cost|EK|Einstand] on {line}, [check|pls check] [price|margin]',
    '[surcharge|Zuschlag|freight surcharge] [not in|not per] [contract|agreement] [added|charged] on {order}',
    '[price|pricing] [mismatch|discrepancy|variance] {cust} {order} {line}',
    "[promo|promotion|campaign] [price|pricing] [not|wasn't] [applied|honoured|honored] for {cust}",
    '[rep|sales rep|AD] [promised|quoted|offered] {price}, [order|ERP] [shows|has] {price}',
    '[quote|Angebot] {n} [price|pricing] [differs|not matching|abweichend] [from|vs] [order|Auftrag]',
    '[margin|GM] only {pct} on {line}, floor {pct} - [needs|need] [pricing manager|finance pricing] [sign-off|approval]',
    '[customer|cust] [deducted|kürzt] [the price difference|Preisdifferenz] [on|for] {line}',
    '[conditions|Konditionen] [not maintained correctly|falsch|wrong] for {cust}, [price|Preis] {price} [too high|zu hoch|too low|zu niedrig]',
    "[volume|tier|Staffel] [price|discount|pricing] [not|wasn't] [applied|calculated|berücksichtigt] for {qty}",
    '[price|Preis] [on|bei] {line} {pct} [higher|höher|lower|niedriger] [than|als] [agreed|vereinbart|contract]',
    '[invoice|billing] [price|pricing] [will be|would be] wrong [for|on] {line} - [fix|correct] [before|prior to] release',
    '[currency|rounding] [issue|error] [on|in] [price|pricing] [for|on] {line}: {price} vs {price}',
    '[zero|0.00|0,00] [price|Preis] on {line}, [free of charge|FOC] not [agreed|approved]',
    '[approve|pls approve] [price|special price|Sonderpreis] {price} for {cust} [on|for] {sku}',
    '[price|pricing|Preis] {mismatch} {contractp}',
    '[customer|cust] [expects|wants] {contractp} {price}, [we|system] [charged|billed|calculated] {price}',
    '[deviation|variance|Abweichung] {pct} [between|zw.] [order price|PO price] and {contractp} for {product}',
    '[price|pricing] [too high|too low|zu hoch] [on|for] {product} [compared to|vs] [agreement|contract|last order]',
    '[wrong|old|falsche] {pricelist} [in|im] [order|Auftrag|ERP] - [price|Preis] [on|bei] {line} {mismatch} {contractp}',
    '[Preis|price] [stimmt nicht|is off|not right] [bei|on] {sku}: [PO|Bestellung] {price}, [system|SAP] {price}',
    '[below|under|unter] [margin floor|Mindestmarge|min. margin] [on|bei] {sku} [by|um] {pct}',
    '[pls check|bitte prüfen] [price|Preis] [for|für] {cust}, [seems|looks] {pct} [off|too high|too low]',
    "[customer|cust] [won't pay|refuses to pay|will not accept] [new|higher] [price|prices] [on|for] {line}, [insists on|wants] {contractp}",
    '[price|pricing] [on|for] {qty} {product} [not|nicht] [per|laut] {pricelist}',
  ],
  CREDIT_HOLD: [
    '[cust|customer|Kunde] [over|above|exceeds] {climit}, hold [until|till|bis] [payment|Zahlung] [received|arrives|eingeht]',
    '{chold} on {order}, [exposure|open AR|OP] {amt} [vs|against] limit {amt}',
    '[open invoices|offene Posten|OPs|invoices] {overdue} {n} days, [finance|credit] [blocked|held|hold]',
    '[prepayment|Vorkasse|cash in advance] [required|needed|nötig] [before|prior to] [release|shipping|Freigabe]',
    '[credit release|Kreditfreigabe] [needed|requested|pending] for {cust}, [amount|over by] {amt}',
    "[dunning level|Mahnstufe] {n}, [do not|don't|nicht] [release|ship|liefern]",
    '[awaiting|waiting for|warten auf] [payment|remittance|Zahlungseingang] from {cust} [before|then] [release|we ship]',
    '{climit} [exceeded|überschritten] by {amt}, [analyst|credit team|finance] [to approve|pls approve|decides]',
    '[customer|cust] [on stop|on credit stop|gesperrt], [account|Konto] [blocked|frozen|gesperrt] [by finance|by credit]',
    '[order|Auftrag] [held|blocked] [for credit|by credit check|wegen Kredit] - [total|exposure] {amt}',
    '[partial release|Teilfreigabe] [up to|bis] {amt}? [rest|remaining] [on hold|blocked] [for credit|credit]',
    '[payment terms|Zahlungsziel|terms] [exceeded|overdue|überschritten] [by|um] {n} days, {chold} [set|active]',
    '[credit check|Bonitätsprüfung] [failed|negative|negativ] for {cust}',
    '[bounced|returned|geplatzte] [payment|cheque|Lastschrift], [account|customer] [on hold|blocked]',
    '{cust} [paid|will pay|pays] {amt} [tomorrow|today|{date}], [then|after that] [release|we can release] {order}',
    '[raise|increase|erhöhen] {climit} for {cust}? [order|this order] [pushes|puts] them {amt} over',
    "[AR|receivables|Forderungen] {amt} {overdue}, [cannot|can't|won't] release",
    '[finance|credit dept|Buchhaltung] [put|set] {chold} on {order}, [reason|Grund]: [limit|credit|overdue]',
    '[CIA|cash in advance|prepay] [only|required] for {cust} [since|after] [late payments|missed payments]',
    '{climit} {amt}, [open orders|open items] + [this order|new order] = {amt}',
    '[insolvency|Insolvenz|bankruptcy] [risk|warning|notice] for {cust}, [hold|stop] all [orders|deliveries]',
    '[release|freigeben] [after|nach] [proof of payment|Zahlungsnachweis|remittance advice]',
    '[pls|please|bitte] [release|free up|lift] {chold} for {order}, [customer|cust] [promised|confirmed] payment',
    '[credit insurance|Kreditversicherung|insurer] [reduced|cut|gekürzt] [limit|cover] for {cust}',
    '[over limit|überzogen] [again|wieder], [sales|rep|AD] asks for [exception|one-time release]',
    '[check|cheque|SEPA] [not received|still missing|fehlt noch], [order|{order}] stays [on hold|blocked]',
    '[blocked|Sperre] [due to|wegen] [unpaid|offene|overdue] [invoices|Rechnungen] {amt}',
    '[credit|Kredit] [manager|analyst|team] [must|needs to|has to] [approve|release|freigeben] - [above|over] {amt}',
    '[customer|cust] [disputes|wants to offset] [invoice|old invoice], [meanwhile|until then] [account|credit] [blocked|on hold]',
    '[deposit|Anzahlung|down payment] {pct} [required|needed] [before|to] [release|ship]',
    '[exposure|total exposure|Obligo] {amt} [above|over|exceeds] {climit}',
    '[credit|account] [review|Prüfung] [pending|open|läuft] for {cust}, [hold|keep on hold] {order}',
    '[late payer|slow payer|zahlt spät], [hold|stop] [until|till] [account|balance] [cleared|settled|ausgeglichen]',
    '[new customer|Neukunde] [no credit line|without limit|kein Limit] [yet|so far], [prepayment|Vorkasse] [only|first]',
    '[payment|Zahlung] {overdue} [since|seit] {date}, {chold} [active|gesetzt]',
    '[order|{order}] [exceeds|über] [available credit|freies Limit] by {amt}',
    '{chold} [wegen|due to|because of] {climit}, [Kunde|customer] [informiert|informed]',
    "[finance|credit|FiBu] [won't|will not|can't] release {order} [until|bis] [OPs|invoices|Rechnungen] [paid|bezahlt|cleared]",
    '{amt} [over|über] {climit}, [needs|braucht] [finance manager|credit manager|Kreditmanager] [approval|Freigabe]',
    '[Zahlungseingang|payment|remittance] [abwarten|pending|outstanding], [dann|then] [Freigabe|release] {order}',
    '[account|Konto] {cust}: [{n} days|{n} Tage] {overdue}, {chold}',
    '[order|{order}] [on|in] {chold} [since|seit] {date}, [cust|customer|Kunde] [says|sagt] [paid|bezahlt]',
  ],
  SHIPMENT_CONSTRAINT: [
    '[no|zero|keine] [carrier|truck|LKW] capacity [from|ab] {dc} [on|am] {date}',
    '{carrier} {full} [on|for] {date}, [move|shift|push] to {date}?',
    "[missed|will miss] [the|today's] {cutoff} ({time}), [ships|goes out|leaves] {date}",
    "[truck|LKW|trailer] {full}, {qty} [don't|do not] fit, [next|nächster] [truck|LKW] {date}",
    '[rebook|re-book|umbuchen] [carrier|forwarder|Spedition] - {carrier} [cancelled|canceled|storniert] [pickup|Abholung]',
    '[no pickup slot|kein Abholtermin|no slot] [at|from] {dc} [until|bis] {date}',
    "[pallet|weight|Gewichts] [limit|capacity] [reached|exceeded|erreicht] [for|on] [today's|the] [tour|route|run] {dc}",
    '[expedite|express|eilig] [via|with|per] {carrier}? [regular|standard] [carrier|truck] {full}',
    '[order|{order}] [came in|arrived|kam] [after|nach] {cutoff} {time}, [earliest|frühestens] {date}',
    '[carrier|forwarder] [capacity|space] [exhausted|maxed out|used up] [from|at] {dc} [this week|{date}]',
    '[driver|Fahrer] [shortage|sick|not available] at {carrier}, [no|zero] [pickups|Abholung] {date}',
    '{n} [pallets|Paletten] [too many|over] [for|on] [the|our] [truck|tour|LKW] [from|ab] {dc}',
    '[booking|Buchung|freight booking] [failed|rejected|abgelehnt] - {carrier} {full}',
    '[ship date|Versanddatum|Liefertermin] [needs to move|must move|moved] [to|auf] {date}, [no|kein] [transport|carrier|truck] [before|vorher]',
    '[lane|route|Relation] {dc} -> [{cust}|site|customer] [not served|not covered] by {carrier} [on|at] {date}',
    '[too late|zu spät] [for|für] [the|todays] [truck|Tour|pickup] at {dc}, [next|next day] {date}',
    '[only|just] {carrier} [has|with] space, [costs|cost|+] {amt} [extra|more|Mehrkosten]',
    '[all|alle] [carriers|Spediteure] {full} [from|ab] {dc} [for|on] {date}',
    "[peak|Hochsaison|Christmas] [volumes|Mengen], [carriers|{carrier}] [refuse|decline|won't take] [extra|additional] [pallets|Sendungen]",
    '[hazmat|ADR|dangerous goods] [not accepted|cannot be taken] by {carrier} on {date}, [need|find] [another|other] [carrier|truck]',
    '[container|trailer|truck] [delayed|late|verspätet] [at|to] {dc}, [loading|Verladung] [postponed|moved] [to|auf] {date}',
    '[warehouse|we] [cannot|can not] [load|ship|verladen] [before|vor] {time}, [carrier|truck] [leaves|departs] at {time}',
    '[capacity|Kapazität] [problem|issue|Engpass] [with|bei] {carrier} [for|on] {date}',
    '[freight|transport|shipment] [not booked|nicht gebucht] [yet|noch] - [no|zero] [capacity|space] [left|available]',
    '[pickup|Abholung] [missed|verpasst|no-show] by {carrier}, [reschedule|new pickup] {date}',
    '[weight|Gewicht] {kg} [over|exceeds] [truck|vehicle|LKW] [limit|max]',
    '[dock|ramp|Rampe] [full|blocked|belegt] at {dc}, [loading|Verladung] [not before|erst] {date}',
    "[expedited|overnight|express] [shipping|delivery] [needed|required] to [make|meet|hit] {date}, [standard|regular] [too slow|won't make it]",
    '[strike|Streik|storm|snow] [at|bei|hits] {carrier}, [no|keine] [deliveries|transports|pickups] {date}',
    "[consolidate|combine|zusammenfassen] [with|mit] [next|tomorrow's] [shipment|Tour|truck], today's {full}",
    "{order} [bumped|pushed|rolled] [to|onto] [next|next day's] [truck|run|tour], no [capacity|space]",
    '[carrier|{carrier}] [declined|refused|rejected] [the|this] [booking|load] for {date}',
    "[transit|Laufzeit] [too long|zu lang] [with|via] {carrier}, [won't|will not|can't] [arrive|deliver] [by|bis] {date}",
    '[no|kein] [trucks|LKW|vehicles] [available|verfügbar|frei] [today|heute|{date}] [at|in|ab] {dc}',
    '{cutoff} [passed|vorbei|missed] [for|at] {dc}, [order|{order}] [goes|ships|rolls] {date}',
    '[book|pls book] [extra|additional|zusätzlichen] [truck|LKW|capacity] [for|on] {date} - [regular|normal] [tour|run] {full}',
    '{carrier} [hat|has] [keine|no] [Kapazität|capacity|space] [am|on] {date}, [andere|other] [Spedition|carrier] [anfragen|ask]?',
    '[Spedition|forwarder|carrier] [sagt|says] {full} [bis|until] {date}',
    '[order|{order}] [too late|zu spät] [for|für] {cutoff}, [goes|geht] [out|raus] {date}',
    '[no|keine] [free|freie] [pallet spaces|Stellplätze|space] [on|auf] [trucks|LKW] [ab|from] {dc} [this week|diese Woche]',
    '[need|brauchen] [express|Express] [because|weil] {carrier} {full} - [extra cost|Mehrkosten] {amt}',
    '[rebook|umbuchen] [to|auf] {carrier} [or|oder] [move|verschieben] [ship date|Versand] [to|auf] {date}',
  ],
  ROUTING_RULE: [
    '[customer|cust|Kunde] [requires|insists on|wants] {shipcomplete}, [no|keine] [partial|split|Teillieferung]',
    '[split|partial|Teillieferung] {notallowed} for {cust}',
    '{dc2} [not an allowed|kein erlaubtes] [DC|warehouse|Lager] for {cust}, [only|nur] {dc}',
    '[delivery window|Lieferfenster|Zeitfenster|time slot] {window}, [planned|scheduled|our] [delivery|slot|ETA] [outside|außerhalb]',
    '{cust} [accepts|receives|takes] [goods|deliveries|Ware] [only|nur] {window}',
    "[customer|cust] [does not accept|won't accept|refuses] {carrier}, [use|only] {carrier}",
    '[plan|routing|Planung] [breaks|violates|verletzt] [customer rule|customer agreement|Kundenvorgabe]: {rule}',
    '[must|has to|muss] [ship|be delivered|kommen] from {dc} [per|according to|laut] [customer agreement|contract terms|Kundenvereinbarung]',
    '[no deliveries|keine Anlieferung|no delivery] [on|am] [Fri|Friday|Freitag|Sat|Saturday|Mondays], [site closed|customer closed|geschlossen]',
    '[two shipments|2 deliveries|zwei Lieferungen] [planned|geplant] [but|although] {cust} [wants|requires] [one|single] [delivery|drop]',
    '[preferred DC|Wunschlager|assigned DC] {dc} [not used|bypassed|ignored], [plan|system] [picks|uses] {dc2}',
    '[tail lift|Hebebühne|liftgate] [required|needed] [at|for] [site|ship-to|{cust}] - [planned|booked] [carrier|truck] [has none|without]',
    '[customer|cust] [only allows|only approves] [DC|warehouses] {dc} [and|+] {dc2}',
    '{backorder2} {notallowed} by {cust}, [cancel|ship complete or cancel] [rest|remainder]',
    '[delivery|Lieferung] [must|has to] [arrive|be there] [before|bis] {time} [per|acc. to] [customer|customer rule|Vorgabe]',
    "{shipcomplete} flag [set|on] for {cust} - [cannot|can't] [split|release partial|ship partial]",
    '[routing rule|Versandregel|delivery rule] [violated|conflict|Konflikt] on {order}',
    "{cust} [wants|needs|requires] [own|their|customer's] [carrier|forwarder|Spediteur] ({carrier}), [not|nicht] ours",
    '[delivery|Lieferung] [on|am] {date} [outside|not in|nicht im] [agreed|contract|vereinbarten] [window|slot|Zeitfenster]',
    '[no|keine] [cross-border|Auslands|international] [shipping|delivery] [from|ab] {dc2} for {cust}',
    '[customer|cust] [rule|Vorgabe|requirement]: [max|maximum] {n} [deliveries|drops] [per week|pro Woche], [plan|we] [has|have] {n}',
    '[appointment|Avis|booking] [required|needed|nötig] [at|for] {cust} [site|DC|Lager], [slot|window] {window}',
    '[combine|bundle|zusammen] [all lines|all positions|everything] [in one|into one|in eine] [delivery|shipment|Lieferung] [per|as per] [customer|cust] [request|rule]',
    '[sourcing|shipping] from {dc2} [against|violates|breaks] [customer|cust] [DC restriction|allowed DCs|Lagervorgabe]',
    '[early|vorzeitige] [delivery|Lieferung] {notallowed} - [customer|cust] [wants|only] [exactly|on] {date}',
    '[plan|routing] [splits|divides] {order} [over|across] {dc} [and|+] {dc2}, [customer|cust] [said|says] [no split|single source]',
    '[night|weekend|Saturday] [delivery|Anlieferung] [requested|required] by {cust}, [standard|our] [plan|route] [daytime|weekday]',
    '[customer|cust] [blacklisted|excluded|sperrt] {carrier} [after|since] [damage|complaints|claims]',
    '[must|muss] [go|ship] [via|with|über] {carrier} [per|per customer|laut] [agreement|contract|Vertrag]',
    '[ship-to|site|Baustelle] [only reachable|only accessible|nur erreichbar] [with|by] [small truck|7.5t|Sprinter], [plan|booked] [uses|has] [trailer|40t|big truck]',
    '[delivery days|Liefertage] [for|bei] {cust}: [Tue/Thu|Mon+Wed|Di/Do] [only|nur]; [plan|planned] {date}',
    '[allowed|permitted|zulässig] [DCs|warehouses|Lager] for {cust}: {dc} [only|nur] - [plan|routing] [says|has] {dc2}',
    '[customer|cust] [refuses|lehnt ab] [partial deliveries|split shipments|Teillieferungen]',
    "[window|slot|Zeitfenster] {window} [too tight|can't be met|nicht machbar] [with|from] {dc} [route|plan]",
    '[labelling|Etikettierung|packing] [rule|requirement|Vorschrift] [of|from|für] {cust} [not met|nicht erfüllt] [in plan|on shipment]',
    '[plan|routing] [conflicts|in conflict] [with|mit] {cust} [delivery rules|Lieferbedingungen|ship rules]',
    '{cust} [nimmt|accepts] [nur|only] {shipcomplete} - [plan|Planung] [hat|has] [zwei|two|2] [Lieferungen|shipments]',
    '[Teillieferung|partial delivery|split] [laut|per] [Kunde|customer|Kundenvorgabe] {notallowed}, [bitte|pls] [zusammen|together] [liefern|ship]',
    "[delivery|Anlieferung] [nur|only] [im|in the] [Zeitfenster|window] {window} - [our|unser] [ETA|slot] {time} [doesn't fit|passt nicht]",
    '[customer|Kunde] [only|nur] [from|aus] {dc} [beliefern|supply|ship] - [plan|Planung] [uses|nimmt] {dc2}',
    '[carrier|Spediteur] {carrier} [not approved|nicht freigegeben|not allowed] [by|vom] [customer|Kunden] {cust}',
    '[plan|routing] [ignores|breaks] {cust} [rule|Vorgabe]: {rule}',
  ],
  MASTER_DATA: [
    '[unknown|unbekannte] [SKU|article|Artikel] {sku} [on|in] {line}',
    '{sku} [not found|nicht gefunden|not set up] [in|im] {masterrec}',
    '[customer|Kunde|Debitor] {cust} [not in system|not set up|nicht angelegt|unknown]',
    '[ship-to|Warenempfänger|delivery address] {notmaintained} [on|for] {order}',
    '[no|kein|missing] [contract|Kontrakt|price agreement] [on file|hinterlegt|set up] for {cust} [and|/] {sku}',
    "[weight|Gewicht] {notmaintained} [for|bei] {sku}, [can't|cannot] [plan|calc|book] [freight|transport]",
    '[UoM|unit of measure|Mengeneinheit|ME] [wrong|falsch|{notmaintained}] [for|on] {sku}',
    '[new|neuer] [customer|Kunde|ship-to] [needs|requires|to be] [setup|set up|anlegen|created] [in ERP|in SAP|first]',
    '[EAN|GTIN|barcode] {notmaintained} [on|for] {product}',
    '[address|Adresse] [incomplete|unvollständig|invalid] [for|bei] [ship-to|Warenempfänger] {n}',
    '[material|Material|article] {sku} [blocked|gesperrt|inactive] [for sales|für Vertrieb|in master]',
    '[pls|please|bitte] [create|maintain|anlegen|pflegen] {sku} [in|im] {masterrec}',
    '[conversion|Umrechnung] [pcs to carton|Stk/Karton|CS/EA] {notmaintained} [for|bei] {sku}',
    '[VAT ID|USt-ID|tax number] [missing|fehlt|invalid] [for|bei] {cust}',
    '[duplicate|doppelter|double] [customer|Debitor|account] [record|Stammsatz|entry] for {cust}',
    '[dimensions|Maße|volume] {notmaintained} [for|on] {product}',
    "[customer|cust] [number|no.|Nr.] [on PO|in order|auf Bestellung] [doesn't exist|unknown|unbekannt]",
    '[item|article|SKU] [code|number] {sku} [invalid|ungültig|not recognised|not recognized]',
    '{masterrec} [incomplete|unvollständig|error|Fehler] [for|bei|on] {sku}',
    '[no|kein] [price record|Preissatz|condition record] [for|bei] {cust} [on|bei] {sku}',
    '[product|Artikel] [not assigned|nicht zugeordnet|not linked] [to|zu] [any|a] [DC|plant|Werk|warehouse]',
    '[Incoterms|shipping conditions|Versandbedingungen] {notmaintained} [in|im] [customer master|Kundenstamm] for {cust}',
    '[EDI|portal] [order|Bestellung] [references|with] [unknown|unbekannte] [article|SKU|item] {sku}',
    '[ship-to|Lieferadresse] {n} [not linked|not assigned|nicht zugeordnet] [to|zu] [sold-to|customer|Auftraggeber] {cust}',
    '[postcode|PLZ|zip code] [missing|wrong|falsch] [on|in] [ship-to|address|Adresse]',
    '[contact|Ansprechpartner|phone] [missing|fehlt] [on|for] [ship-to|delivery address] - carrier [needs|requires] it',
    '[new SKU|new item|neuer Artikel] {sku} [not yet|noch nicht] [created|released|freigegeben] [in ERP|in SAP|im System]',
    '[product hierarchy|family|Warengruppe] {notmaintained} for {sku}',
    '[customer master|Kundenstamm] [outdated|veraltet|wrong]: [old|alte] [address|Adresse|name] [for|bei] {cust}',
    '[hazard class|ADR class|Gefahrgutklasse] {notmaintained} [for|bei] {product}',
    '[base unit|Basismengeneinheit|BUoM] [wrong|falsch] [for|bei] {sku} - [ordered|bestellt] [in|as] [cartons|CS|boxes], [master|Stamm] [says|sagt] [EA|pcs|Stk]',
    '[sold-to|Auftraggeber|customer] [id|ID|Nr] [missing|fehlt|empty] [on|in] {order}',
    '[article|Artikel] [description|Bezeichnung|text] {notmaintained} [for|bei] {sku}',
    '[no|kein] [contract|Rahmenvertrag] [exists|vorhanden|found] for {cust} - [check|pls check] [with sales|with key account]',
    '[customer|Kunde] {cust} [has no|ohne] [ship-to|Warenempfänger|delivery address] [maintained|gepflegt]',
    '[data|Daten] [quality|Qualität] [issue|problem|Problem]: {sku} [has no|ohne] [weight|Gewicht] [and|/] [volume|Volumen]',
    '{masterrec}: {sku} [hat kein|has no|without] [Gewicht|weight|UoM|Mengeneinheit]',
    '[Artikel|article|SKU] {sku} [ist|is] [nicht|not] [angelegt|set up|created] - [bitte|pls] [anlegen|create]',
    '[Lieferadresse|ship-to address|delivery address] [fehlt|missing|is missing] [in|on] [Auftrag|order] {order}',
    '[customer|Kunde] [on|auf] [order|Auftrag] [not|nicht] [found|gefunden] [in|im] {masterrec}',
    '{notmaintained}: [weight and UoM|Gewicht und ME|EAN] [for|für] [new|neue] [items|Artikel] [on|in] {order}',
    '[wrong|falsche] [unit|Einheit|UoM] [on|in] {masterrec} [for|für] {product}, [ERP|SAP] [converts|rechnet] [wrong|falsch]',
  ],
  ERP_SYNC: [
    "{erp} [has not|hasn't|did not] [acknowledged|confirmed|acked] [the|our] [release|command|change] [for|on] {order}",
    '[order|{order}] [change|update|Änderung] [not showing|not visible|nicht sichtbar] in [{erp}|ordex] [yet|noch nicht]',
    '[IDoc|interface|Schnittstelle] [error|stuck|hängt|failed] [for|bei] {order}',
    '[version|Version] {n} [arrived|came in|kam] [before|vor] [version|Version] {n}, [out of order|falsche Reihenfolge]',
    '[ordex|portal|system] [shows|has] [old|stale|veraltete] [data|status|Daten] - {erp} [says|shows] [different|anders]',
    '{noack} [from|von] {erp} [after|seit|for] {n} [min|minutes|hours|Std]',
    '[sync|Synchronisation|replication] [lag|delay|Verzögerung] [between|zwischen] {erp} [and|und] [ordex|WMS|portal]',
    '[status|Status] [mismatch|differs|unterschiedlich]: {erp} [released|freigegeben], [ordex|WMS] [still|noch] [blocked|on hold|gesperrt]',
    '[interface|Schnittstelle|middleware] [down|offline|ausgefallen] [since|seit] {time}, [orders|Aufträge] {notsynced}',
    '[resync|re-sync|neu synchronisieren] {order} [pls|please|bitte] - [mirror|copy|Spiegel] [stale|outdated|veraltet]',
    '[release command|Freigabe] [timed out|timeout|Zeitüberschreitung] [in|at] {erp}, [retry|nochmal senden|resend]?',
    '[BAPI|RFC|API] [error|Fehler|call failed] [when|beim] [updating|posting|buchen] {order}',
    '[duplicate|doppelte] [message|Nachricht|event] [from|von] {erp}, [order|{order}] [updated twice|doppelt verarbeitet]',
    '{erp} [still|noch] [shows|has] [old|previous|alte] [quantity|qty|Menge] [on|for] {line}, [change|update] [lost|not applied]',
    '[order|Auftrag] [missing|fehlt] in [ordex|WMS|portal] [but|aber] [exists|vorhanden] in {erp}',
    '[queue|message queue] [backlog|Stau|stuck] - {erp} [events|messages|updates] [delayed|verzögert] {n} [min|hours|Std]',
    '[confirmation|order confirmation|AB] [not received|nicht erhalten|missing] [from|aus] {erp} [for|zu] {order}',
    '[last|latest] [update|sync] [from|von] {erp} [was|war] {n} [hours|h|days] [ago|her]',
    '[older|alte] [version|Version] [overwrote|überschrieb|replaced] [newer|neuere] [one|Version] [on|for] {order}',
    "[WMS|warehouse system] [didn't|did not|hat nicht] [get|receive|erhalten] [the|das] [update|release|Freigabe] [from|aus] {erp}",
    '{erp} [rejected|abgelehnt] [our|the] [change|command|update] [with|:] [error|Fehler] {n}',
    '[posting|Buchung|goods issue] [not|nicht] [reflected|übernommen|visible] [in|im] {erp}',
    '[ordex|platform] [and|vs|und] {erp} {notsynced} [on|for|bei] {order}',
    '[EDI|portal] [change|Änderung] [to|on] {order} [not|nicht] [transmitted|übertragen|passed] [to|an] {erp}',
    '[hold removed|Sperre entfernt|block lifted] [in|im] {erp} [but|aber] [ordex|portal|WMS] [still shows|zeigt noch] [hold|blocked]',
    '[timestamp|Zeitstempel|sequence] [issue|problem|Fehler] - [updates|events|changes] [processed|applied] [in wrong order|out of sequence]',
    '[cancelled|storniert] in {erp} [but|aber] [still|noch] [open|active|offen] in [ordex|WMS|portal]',
    "[job|batch|nightly job] [failed|abgebrochen|didn't run], {erp} [data|Daten] [not updated|nicht aktualisiert] [since|seit] {date}",
    '[command|request] for {order} [sent|gesendet] [to|an] {erp} {n} [min|minutes|hours] ago, {noack}',
    '[connector|Konnektor|integration] [retrying|in retry|hängt in retry] for {order}, {erp} [unreachable|not reachable|nicht erreichbar]',
    '{erp} [number|Nr.|version] [mismatch|differs|weicht ab] [between|zwischen] [systems|Systemen]',
    '[please|pls|bitte] [check|prüfen] [interface|Schnittstelle|IDoc] [monitor|log] - {order} [not|nicht] [arrived|angekommen|received]',
    '[price|qty|date] [change|update] [from|in] {erp} [not yet|noch nicht] [in|bei] [ordex|us], [still|noch] [old|previous] [values|Werte]',
    '[dead letter|DLQ|error queue] [has|contains] [messages|Nachrichten] for {order}',
    '{erp} [lock|Sperre|locked] [by user|durch User|object locked], [update|change] [not posted|nicht gebucht] [for|on] {order}',
    '[mirror|replica|cache] [stale|outdated|veraltet] [since|seit] {time}, [resync|refresh|full sync] [needed|nötig|required]',
    '{order} {notsynced} [to|nach|into] {erp} - [bitte|pls] [neu senden|resend|push again]',
    '[Änderung|change|update] [von|from] {time} [ist|is] [noch nicht|still not] [in|im] {erp}, {noack}',
    '[ordex|WMS] [shows|zeigt] [version|Version] {n}, {erp} [already|schon] [at|bei] {n}',
    '[release|Freigabe] [sent|gesendet] [but|aber] {noack} - [order|Auftrag] [stuck|hängt] [in|im] [pending|Status offen]',
    '[sync|Abgleich|data sync] [between|zwischen] {erp} [and|und] [ordex|WMS] [broken|kaputt|failing] [since|seit] {date}',
    '{erp} [timeout|Timeout|not responding] [on|bei] [update|Änderung] [for|für] {order}, [status|Status] [unknown|unklar]',
  ],
  [NEUTRAL_NOTE]: [
    '[please|pls|bitte] [call|ring|anrufen] {person} [before|prior to|vor] [delivery|Anlieferung|arrival], {phone}',
    '[deliver|Anlieferung] [to|an] [gate|Tor|dock] {d1}, [ask for|fragen nach|contact] {person} [at reception|am Empfang|on site]',
    '[contact|Ansprechpartner|AP] [on site|vor Ort|for delivery]: {person}, {phone}',
    '[goods receiving|Warenannahme|receiving] [open|geöffnet|hours] {window}',
    '[cust|customer|Kunde] [ref|reference|Referenz] {po}, [please|pls|bitte] [quote|state|angeben] [on|auf] [delivery note|Lieferschein|invoice]',
    'as discussed with {person} [on the phone|by phone|telefonisch|yesterday|today]',
    '[thanks|thank you|danke|vielen Dank] [for the quick help|for your help|für die schnelle Hilfe], [all good|alles gut|great]',
    '[new|neuer] [contact person|Ansprechpartner|buyer|Einkäufer] [at|bei] {cust} [is|ist] {person}, [mail|email|Tel.] [to follow|folgt|below]',
    '[please|pls|bitte] [label|mark|beschriften] [each|every|jede] [pallet|carton|box|Palette] [with|mit] {po}',
    '[use|via] [rear entrance|back entrance|Hintereingang|side gate|Seiteneinfahrt], [front|main] [entrance|Einfahrt] [closed for construction|is a pedestrian zone|gesperrt]',
    '[order|Auftrag|{order}] [placed by|entered by|erfasst von] {person} [on behalf of|für|for] {cust}',
    '[reference|Referenz|ref] [project|Projekt|site|Baustelle] {d4} - {cust}',
    '[hand over|übergeben|leave] [at|an] [the site office|Bauleitung|the porter|Pförtner|reception]',
    '[forklift|Stapler|pallet jack] [available|vorhanden|on site] [at|bei] [unloading|Entladung|the dock]',
    '[regular|standing|Dauer-] [order|Auftrag|Bestellung], [same as|wie] [last month|letzten Monat|every week|jede Woche]',
    '[hello|hi|Hallo|Guten Morgen] {person}, [just|nur] [confirming|zur Info|fyi] [receipt of|Eingang] [the order|der Bestellung|{order}]',
    '[tel|Tel.|phone|mobile|Handy] {person}: {phone}',
    '[please|pls|bitte] [ring|klingeln|knock] [at|bei] [the side door|Tür {d1}|building {letter}|Halle {d1}]',
    '[invoice|Rechnung|invoices] [to|an] [head office|Zentrale|accounts dept|the address on file], [delivery|Lieferung] [to|an] [site|Baustelle|branch {d2}]',
    '[their|cust|Kunden-] [order number|Bestellnummer|PO] {po}, [cost centre|Kostenstelle|KST] {d4}',
    '[original|orig] [packaging|Verpackung|cartons] [please|pls|bitte], [no|keine] [repacking|Umverpackung|loose parts]',
    '[euro pallets|Europaletten|EUR pallets] [exchange|tauschen|Tausch], [please|pls] [bring|mitbringen] [empties|leere|back]',
    '[happy|glad] [to help|to assist], [let me know|melde dich|gerne wieder] [if anything else|bei Fragen|for the next one]',
    '[see|siehe] [attached|Anhang|attachment] [for|für] [site plan|Lageplan|directions|Anfahrt]',
    '{cust} [now|jetzt|is now] [under|unter] [new|neuer] [name|Name|company name], [same|gleiche] [customer|Kunden] [number|nr|no.]',
    '[delivery|Lieferung|drop-off] [at|an] [loading ramp|Rampe|ramp] {d1}, [height|Höhe] {d3}cm',
    '[order|Auftrag] [copied|kopiert|duplicated] [from|von|aus] {order} [at|on] [cust|customer] [request|Wunsch]',
    '[mark|markiert|flag] [as|als] [project|Projekt|site] [order|Auftrag]: [{cust}|job {d4}|Baustelle {d4}]',
    '[please|pls|bitte] [bring|mit] [delivery note|Lieferschein|paperwork] [in|x] [duplicate|2-fach|two copies]',
    '[reception|Empfang|front desk] [manned|besetzt|open] [until|bis] {time}',
    '[nice|good|great] [talking to you|chatting|call] [today|earlier|heute], {person}',
    '[our|unsere] [ref|reference|Referenz]: {order}, [your|Ihre] [ref|reference|Referenz]: {po}',
    '[hard hat|Helm|PPE|safety vest] [required|Pflicht|mandatory] [on site|auf der Baustelle|for drivers]',
    '[parking|Parken] [on|in] [the yard|dem Hof|side street] [ok|possible|erlaubt], [driver|Fahrer] [please|pls] [report|melden] [to|bei] {person}',
    '[copy|Kopie] [of|der] [order confirmation|AB|confirmation] [to|an] {person} [please|pls|bitte]',
    '[same|gleiche] [address|Adresse|drop point] [as|wie] [last time|letztes Mal|before|usual]',
    '[wrapped|stretch wrapped|foliert] [pallets|Paletten] [please|pls|bitte], [max|höchstens] {d3} kg [each|per pallet|pro Palette]',
    '[greetings|Grüße|regards] [from|aus] [sales|Vertrieb|the office] - [order|Auftrag] [entered|erfasst|booked] [as requested|wie gewünscht|per mail]',
    '[buyer|Einkauf|purchasing] [at|bei] {cust}: {person}, [reachable|erreichbar|available] {window}',
    '[follow-up|Folgeauftrag|repeat] [to|zu] {order}, [same|gleiche] [terms|conditions|Konditionen] [as agreed|wie besprochen]',
    'per {person}: [ok|fine|passt] [to proceed|as entered|so], [no changes|keine Änderungen]',
    '[site|Baustelle|site address] [entrance|Zufahrt|access] [via|über] [{dc} road|Industriestraße {d2}|gate {letter}]',
  ],
};

/** Each category's own words, shared by its templates (held-out ones included): staff's vocabulary is small, their sentences are not. */
const PHRASES: Record<string, readonly string[]> = {
  oos: [
    'out of stock',
    'OOS',
    'not in stock',
    'no stock',
    'nicht auf Lager',
    'kein Bestand',
    'not available',
    'nicht verfügbar',
    'stocked out',
    'nicht lieferbar',
  ],
  transfer: [
    'transfer',
    'Umlagerung',
    'STO',
    'stock transfer',
    'Umlagerungsauftrag',
    'transfer order',
    'umlagern',
  ],
  backorder: ['backorder', 'back order', 'BO', 'Rückstand', 'nachliefern'],
  backorder2: ['backorder', 'BO', 'Rückstand'],
  mismatch: [
    "doesn't match",
    'does not match',
    'differs from',
    'abweichend vom',
    'not per',
    'deviates from',
    'passt nicht zum',
  ],
  contractp: [
    'contract',
    'agreement',
    'contract price',
    'agreed price',
    'Kontraktpreis',
    'Vertragspreis',
    'Rahmenvertrag',
    'price agreement',
  ],
  pricelist: ['price list', 'pricelist', 'Preisliste'],
  climit: ['credit limit', 'Kreditlimit', 'limit', 'credit line', 'Kreditlinie'],
  chold: ['credit hold', 'credit block', 'Kreditsperre', 'finance hold', 'Liefersperre', 'credit stop'],
  overdue: ['overdue', 'past due', 'überfällig', 'not paid', 'unpaid'],
  full: [
    'full',
    'at capacity',
    'ausgebucht',
    'voll',
    'booked out',
    'has no capacity',
    'keine Kapazität',
    'no space',
  ],
  cutoff: ['cut-off', 'cutoff', 'cut off', 'Annahmeschluss'],
  shipcomplete: [
    'ship complete',
    'complete delivery',
    'Komplettlieferung',
    'ship-complete',
    'Vollständiglieferung',
  ],
  notallowed: ['not allowed', 'nicht erlaubt', 'not permitted', 'not accepted', 'nicht zulässig'],
  notmaintained: ['missing', 'fehlt', 'not maintained', 'nicht gepflegt', 'not set up', 'empty'],
  masterrec: ['item master', 'material master', 'Materialstamm', 'master data', 'Stammdaten', 'Artikelstamm'],
  erp: ['ERP', 'SAP', 'the ERP', 'S/4'],
  noack: [
    'no ack',
    'no acknowledgement',
    'keine Bestätigung',
    'no confirmation',
    'not acknowledged',
    'no response',
  ],
  notsynced: [
    'not synced',
    'out of sync',
    'nicht synchron',
    'not replicated',
    'not transferred',
    'nicht übertragen',
  ],
};

/** Every fourth template of a category (the 4th, 8th, …) is held out: never trained on. */
export const isHeldOutTemplate = (index: number) => index % 4 === 3;

/** The same category's all-clear, as staff write it before or after the real problem. */
const ALL_CLEAR: Record<string, readonly string[]> = {
  STOCK_SHORTAGE: [
    'stock ok',
    'stock is there',
    'qty available',
    'Ware ist da',
    'all lines in stock',
    'inventory fine',
  ],
  PRICE_MISMATCH: ['price ok', 'prices checked', 'Preis passt', 'pricing fine', 'price matches contract'],
  CREDIT_HOLD: [
    'credit ok',
    'credit fine',
    'no credit issue',
    'payment arrived',
    'Kredit ok',
    'credit released',
  ],
  SHIPMENT_CONSTRAINT: [
    'truck booked',
    'carrier confirmed',
    'pickup ok',
    'transport arranged',
    'LKW gebucht',
  ],
  ROUTING_RULE: [
    'customer accepts partials',
    'split allowed',
    'window ok',
    'routing fine',
    'DC ok for customer',
  ],
  MASTER_DATA: ['master data ok', 'SKU set up', 'customer exists in system', 'Stammdaten ok'],
  ERP_SYNC: ['ERP in sync', 'SAP confirmed', 'interface fine', 'order synced'],
};

const CONTRAST_BEFORE = [
  ', but ',
  ' but ',
  ', aber ',
  ' - however ',
  '; issue: ',
  ', only problem: ',
  '. BUT ',
  ', though ',
];
const CONTRAST_AFTER = [', ', ' - ', '; ', '. ', ' / '];

const PREFIXES = [
  ...Array<string>(8).fill(''),
  'fyi ',
  'FYI: ',
  'hi team, ',
  'Hallo, ',
  '@{person} ',
  '{person}: ',
  'urgent: ',
  'URGENT - ',
  'RE: ',
  'AW: ',
  'note: ',
  'pls check - ',
  'bitte prüfen: ',
  'update: ',
  'prio! ',
  'per {person}: ',
  'cust called - ',
  '{order}: ',
  '{cust}: ',
  '{date}: ',
  'again: ',
  'hi {person}, ',
];

const SUFFIXES = [
  ...Array<string>(8).fill(''),
  ' thx',
  ' thanks',
  ', thanks!',
  ' cheers',
  ' see below',
  ' asap',
  ' ASAP!!',
  ' pls advise',
  ' bitte Rückmeldung',
  ' danke',
  ' LG {person}',
  ' /{person}',
  ' KR {person}',
  ' rgds',
  ' - {person}',
  ' tia',
  ' see mail',
  ' see email from {person}',
  ', call me if questions',
  ', will check tomorrow',
  ', talk later',
  ' ({order})',
  ' ref {order}',
  ' for {cust}',
  ' - {cust} waiting',
  ', cust informed',
  ' pls update case',
];

/** Shorthand staff use, applied to about half of the words it fits. */
const SHORTHAND: Record<string, readonly string[]> = {
  customer: ['cust', 'cstmr', 'Kd.'],
  quantity: ['qty'],
  please: ['pls', 'plz', 'pl'],
  warehouse: ['WH', 'whse'],
  order: ['ord'],
  because: ['bc', 'b/c'],
  with: ['w/'],
  available: ['avail'],
  shipment: ['shpmt', 'shipmt'],
  delivery: ['dlvry', 'del.'],
  tomorrow: ['tmrw', 'tmr'],
  and: ['&', '+'],
  thanks: ['thx', 'tks'],
  invoice: ['inv'],
  invoices: ['invs'],
  payment: ['pmt'],
  contract: ['contr.'],
  agreement: ['agrmt'],
  required: ["req'd", 'reqd'],
  received: ['rcvd', "rec'd"],
  number: ['no.', '#'],
  message: ['msg'],
  pieces: ['pcs'],
  minutes: ['mins'],
};

type Slot = readonly string[] | ((rnd: SeededRandom) => string);

const digits = (count: number) => (rnd: SeededRandom) => String(rnd.int(10 ** (count - 1), 10 ** count - 1));
const DCS = [
  'DC-NORTH',
  'DC-SOUTH',
  'DC-EAST',
  'DC-WEST',
  'DC North',
  'DC Nord',
  'DC Süd',
  'DC-Ost',
  'Hamburg',
  'Munich',
  'München',
  'Berlin',
  'Milan',
  'Bucharest',
  'Lisbon',
  'Lager Nord',
  'WH South',
  'the east DC',
  'DC2',
  'DC 4',
  'Lager HH',
  'MUC',
];

/** The slots' fillers, shared by every category. */
const SLOTS: Record<string, Slot> = {
  d1: digits(1),
  d2: digits(2),
  d3: digits(3),
  d4: digits(4),
  d5: digits(5),
  d6: digits(6),
  d7: digits(7),
  d8: digits(8),
  letter: (rnd) => String.fromCharCode(65 + rnd.int(0, 25)),
  n: (rnd) => {
    const [lo, hi] = rnd.weighted<readonly [number, number]>([
      [[1, 12], 3],
      [[10, 500], 3],
      [[500, 5000], 1],
    ]);
    return String(rnd.int(lo, hi));
  },
  p: (rnd) => String(rnd.int(1, 15)),
  dd: (rnd) => String(rnd.int(1, 28)).padStart(2, '0'),
  mm: (rnd) => String(rnd.int(1, 12)).padStart(2, '0'),
  week: (rnd) => String(rnd.int(1, 52)),
  hh: (rnd) => String(rnd.int(10, 17)),
  h12: (rnd) => String(rnd.int(1, 5)),
  phone: [
    '+49 {d3} {d7}',
    '0{d3}-{d6}',
    '+39 {d3} {d6}',
    '{d4} {d4}',
    'ext. {d3}',
    'Durchwahl {d2}',
    'mobile 0{d3} {d7}',
  ],
  l: (rnd) => String(rnd.int(1, 9)),
  l0: (rnd) => String(rnd.int(1, 9) * 10),
  sku: [
    'SKU-{d5}',
    'sku {d5}',
    'art. {d5}',
    'Art.-Nr. {d6}',
    'Artikel {d5}',
    'item {d5}',
    'mat. {d6}',
    '{d5}-{letter}',
    '{d4}{letter}{letter}',
    'SKU-{d5} ({product})',
    '{product}',
  ],
  product: [
    'hex bolts M8',
    'Sechskantschrauben M10',
    'nitrile gloves L',
    'Nitrilhandschuhe',
    'cable ties 200mm',
    'Kabelbinder',
    'PVC elbow 40mm',
    'copper pipe 15mm',
    'Kupferrohr 22mm',
    'epoxy 2K',
    'Montagekleber',
    'safety boots 43',
    'hi-vis vests',
    'Warnwesten',
    'LED panel 60x60',
    'circuit breaker B16',
    'Leitungsschutzschalter',
    'press fittings 18mm',
    'silicone white',
    'wall plugs 8mm',
    'Dübel',
    'ear defenders',
    'extension cords',
    'ball valves',
    'drywall screws',
    'welding rods',
    'Schutzbrillen',
  ],
  dc: DCS,
  cust: [
    'Northwind',
    'Northwind Facilities',
    'Northwind Facilities Group',
    'C-{d4}',
    'cust {d4}',
    'Müller Haustechnik',
    'Bauer Elektro GmbH',
    'Keller & Söhne',
    'Rossi Impianti',
    'Popescu Instal SRL',
    'Ferreira & Filhos',
    'Stadtwerke Kiel',
    'BuildRight Ltd',
    'Hansen Bau',
    'Schmidt KG',
    'Alpenbau AG',
    'Nordsee Marine',
    'Weber Sanitär',
    'Lisboa Obras',
    'Klinikum Süd',
    'Fa. Wagner',
    'Kunde {d5}',
  ],
  qty: [
    '{n} pcs',
    '{n} pc',
    '{n} Stk',
    '{n} EA',
    '{n} CS',
    '{n} cartons',
    '{n} boxes',
    '{n} pallets',
    '{n} Paletten',
    '{n} rolls',
    '{n}m',
    '{n} units',
    '{n}x',
  ],
  kg: ['{d3} kg', '{d4}kg', '{d2} t', '1.{d3} kg'],
  amt: [
    '€{d2},{d3}',
    'EUR {d1}.{d3}',
    '{d2}k',
    '{d1}.{d3},00 EUR',
    '€ {d3}',
    '{d2}.{d3} €',
    '{d2}k EUR',
    'USD {d2},{d3}',
  ],
  price: ['{d2}.{d2}', '€{d1},{d2}', 'EUR {d2},{d2}', '{d1}.{d2}/pc', '{d2},{d2} €', '{d1}.{d2} per unit'],
  pct: ['{p}%', '{p} %', '{p} pct', '{p}.5%', '{p} Prozent'],
  date: [
    '{dd}.{mm}.',
    '{dd}.{mm}.2026',
    '2026-{mm}-{dd}',
    'Nov {dd}',
    'Dec {dd}th',
    'Friday',
    'Fri',
    'Monday',
    'Mon',
    'next week',
    'KW {week}',
    'CW{week}',
    'tomorrow',
    'today',
    'morgen',
    'end of month',
    'EOW',
    'Thursday',
    'Do.',
    'next Tuesday',
  ],
  time: ['{hh}:00', '{hh}:30', '{h12}pm', '{hh} Uhr', '{hh}h'],
  line: [
    'line {l}',
    'ln {l}',
    'pos {l0}',
    'Pos. {l}',
    'item {l0}',
    'position {l}',
    'L{l}',
    'line {l}+{l}',
    'Position {l0}',
    'Zeile {l}',
  ],
  order: [
    'SO {d7}',
    'order {d6}',
    'Auftrag {d7}',
    'ord# {d6}',
    '#{d6}',
    'PO {d4}-{d2}',
    'cust PO {d5}',
    'Bestellung {d6}',
    'AB {d7}',
    '{d8}',
  ],
  po: ['PO {d7}', 'Bestellung {d7}', 'inbound PO {d6}', 'PO#{d6}'],
  carrier: [
    'Swift Freight',
    'Swift',
    'Nordic Haulage',
    'Nordic',
    'Express Parcel',
    'Regional LTL',
    'the LTL carrier',
    'DHL',
    'DB Schenker',
    'Schenker',
    'Dachser',
    'UPS',
    'Kühne+Nagel',
    'the forwarder',
    'die Spedition',
    'our carrier',
    'GLS',
    'Rhenus',
  ],
  person: [
    'Anna',
    'Markus',
    'Jens',
    'Sabine',
    'Luca',
    'Ioana',
    'João',
    'Tom',
    'Petra',
    'Frank',
    'Mehmet',
    'Katrin',
  ],
  window: [
    'Mon-Fri 7-12',
    'Tue/Thu 8:00-11:00',
    '6-10 Uhr',
    'mornings only',
    'before 10am',
    '7-15h',
    'Di+Do 8-12',
    'Mo-Do 6-14 Uhr',
    '8am to noon',
    'weekdays 9-16',
  ],
  rule: [
    'ship complete',
    'allowed DC {dc} only',
    'delivery window {window}',
    '{carrier} only',
    'single delivery',
    'no split',
  ],
};

const ALTERNATIVE = /\[([^[\]]*)\]/;
const SLOT = /\{(\w+)\}/g;

/** Fills a template: alternatives first (innermost), then slots, whose fillers may hold more of both. */
function expand(template: string, rnd: SeededRandom, used: Map<string, string>): string {
  let text = template;
  for (let match = ALTERNATIVE.exec(text); match; match = ALTERNATIVE.exec(text))
    text =
      text.slice(0, match.index) + rnd.pick(match[1].split('|')) + text.slice(match.index + match[0].length);
  return text.replace(SLOT, (_, name: string) => {
    if (name === 'dc2') return expand(rnd.pick(DCS.filter((dc) => dc !== used.get('dc'))), rnd, used);
    const slot = SLOTS[name] ?? PHRASES[name];
    if (!slot) throw new Error(`template slot {${name}} is not defined`);
    const value = expand(typeof slot === 'function' ? slot(rnd) : rnd.pick(slot), rnd, used);
    used.set(name, value);
    return value;
  });
}

/** A letter swapped, dropped, doubled or mistyped in about one word in thirty. */
function typos(text: string, rnd: SeededRandom): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (rnd.next() >= 0.035) return word;
    const i = rnd.int(1, word.length - 2);
    switch (rnd.int(0, 3)) {
      case 0:
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      case 1:
        return word.slice(0, i) + word.slice(i + 1);
      case 2:
        return word.slice(0, i) + word[i] + word.slice(i);
      default:
        return word.slice(0, i) + String.fromCharCode(97 + rnd.int(0, 25)) + word.slice(i + 1);
    }
  });
}

function shorthand(text: string, rnd: SeededRandom): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const options = SHORTHAND[word.toLowerCase()];
    return options && rnd.next() < 0.5 ? rnd.pick(options) : word;
  });
}

/** One note of the category from the template, roughed up. */
export function triageNote(template: string, category: string, rnd: SeededRandom): string {
  const used = new Map<string, string>();
  let note = expand(template, rnd, used);
  const others = TRIAGE_CATEGORIES.filter((c) => c !== category);
  const contrast = rnd.next();
  if (contrast < 0.15) note = `${rnd.pick(ALL_CLEAR[rnd.pick(others)])}${rnd.pick(CONTRAST_BEFORE)}${note}`;
  else if (contrast < 0.25)
    note = `${note}${rnd.pick(CONTRAST_AFTER)}${rnd.pick(ALL_CLEAR[rnd.pick(others)])}`;
  note = expand(`${rnd.pick(PREFIXES)}${note}${rnd.pick(SUFFIXES)}`, rnd, used);
  note = typos(shorthand(note, rnd), rnd);
  const casing = rnd.next();
  if (casing < 0.25) return note.toLowerCase();
  if (casing < 0.3) return note.toUpperCase();
  if (casing < 0.5) return note.charAt(0).toUpperCase() + note.slice(1);
  return note;
}

export interface TriageCorpusOptions {
  seed: number;
  /** Notes generated from each training template. */
  perTrainingTemplate: number;
  /** Notes generated from each held-out template. */
  perHeldOutTemplate: number;
}

export const DEFAULT_TRIAGE_CORPUS: TriageCorpusOptions = {
  seed: 7,
  perTrainingTemplate: 24,
  perHeldOutTemplate: 16,
};

export interface TriageCorpus {
  /** In a seeded random order (mini-batches then mix the categories). */
  train: TriageExample[];
  /** Class by class (the categories, then the neutral notes), template by template. */
  heldOut: TriageExample[];
  templates: { train: number; heldOut: number };
}

/**
 * The labelled notes: the same options always give the same notes. Training and held-out notes
 * come from separate random streams, so changing how many of one there are leaves the other as it was.
 */
export function triageCorpus(options: TriageCorpusOptions = DEFAULT_TRIAGE_CORPUS): TriageCorpus {
  const trainRnd = new SeededRandom(options.seed);
  const heldOutRnd = new SeededRandom((options.seed ^ 0x9e3779b9) >>> 0);
  const train: TriageExample[] = [];
  const heldOut: TriageExample[] = [];
  const templates = { train: 0, heldOut: 0 };
  for (const category of TRIAGE_CLASSES) {
    const list = TRIAGE_TEMPLATES[category];
    if (!list) throw new Error(`no templates for ${category}`);
    list.forEach((template, index) => {
      const held = isHeldOutTemplate(index);
      templates[held ? 'heldOut' : 'train']++;
      const count = held ? options.perHeldOutTemplate : options.perTrainingTemplate;
      for (let i = 0; i < count; i++)
        (held ? heldOut : train).push({
          text: triageNote(template, category, held ? heldOutRnd : trainRnd),
          category,
        });
    });
  }
  for (let i = train.length - 1; i > 0; i--) {
    const j = trainRnd.int(0, i);
    [train[i], train[j]] = [train[j], train[i]];
  }
  return { train, heldOut, templates };
}
