META
key;value
description;Local PB in Warszawa, Wola | Młynów
country;Poland
unit;Warszawa
district;Wola
subunit;Młynów
instance;2017
num_projects;25
num_votes;1438
budget;1330900
vote_type;approval
rule;greedy
date_begin;14.06.2016
date_end;24.06.2016
min_length;1
max_sum_cost;1330900
edition;3
language;pl
currency;PLN
PROJECTS
project_id;cost;votes;name;category;beneficiaries;selected
726;125000;454;Usprawnienia rowerowe oraz nowe drzewa na Młynowie;public transit and roads,environmental protection,public space;youth,adults,families with children;1
1273;3600;424;Wypożyczalnie gier planszowych w bibliotece - Wola obszar 4: Młynów;education,culture;youth,adults,families with children;1
5;10550;414;Motyle na Agawy 4;environmental protection,public space,urban greenery;children,adults;1
1005;145000;379;Oświetlenie terenu pomiędzy ul. Górczewską 18-22, Żytnią 64, Płocka i Syreny.;public space;children,adults,seniors;1
706;20500;378;Czytniki i e-booki - zakup do bibliotek przy Żytniej 64.;education,culture;youth,adults,students;1
609;297720;364;Skwer Sierpnia 1944 – skwer dla mieszkańców Woli z siłownią plenerową, placem zabaw, róg Wolska/Płocka;public space,sport,urban greenery;None;1
1469;70000;342;Rewitalizacja terenu zielonego na ul. Tyszkiewicza przed szkołą muzyczną;education,sport;children,youth,families with children;1
891;360000;340;Oświećmy Młynów;public space;adults,seniors,families with children;1
861;427700;323;Mieszkaj w Ogrodzie na Młynowie;public space,urban greenery;adults,seniors,families with children;0
974;216000;317;Poprawa walorów estetycznych i bezpieczeństwa na Gibalaku;public space;None;1
2139;23700;283;Bezpieczna wolanka - kurs samoobrony dla mieszkanek Woli - Młynowa;education,sport,health;youth,adults,seniors;1
200;194990;280;Rewitalizacja zielonego trawiastego skweru przy dawnym PDT i Szpitalu Enel-med;public space,sport,urban greenery;children,adults,youth;0
2145;35200;255;Stawiam na zdrowie - profilaktyczne zajęcia przeciwdziałające otyłości i usprawniające kręgosłup;education,sport,health;youth,adults,seniors;1
669;130900;252;Remont i aranżacja podestu przy budynku ul. Zawiszy 5.;public transit and roads;seniors,people with disabilities,families with children;0
439;41232;225;Muzyczna sala marzeń;education,culture;children,youth,adults;0
1592;45500;219;Gramy z własnej Woli;education,culture;children,youth,adults;0
6;131568;218;Rewitalizacja podwórka i zieleni, postawienie karmnika dla ptaków, między budynkami Agawy 2 i Agawy 4.;environmental protection,public space,urban greenery;children,adults;0
1456;93600;200;Zajęcia językowe w pracowniach multimedialnych w ZPSM nr 3;education;children,youth;0
1451;87800;199;Pozalekcyjne warsztaty z realizacji dźwięku i nagłośnienia dla młodzieży.;education;youth;0
1491;11600;182;Wolna wola – nauka odpierania manipulacji dla mieszkańców Woli;education;youth,adults,seniors;1
