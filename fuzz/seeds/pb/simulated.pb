META
key;value
description;Dialoglab simulated vote, seed 1
country;Denmark
unit;Dialoglab
instance;simulation
num_projects;5
num_votes;13
budget;100000
vote_type;approval
rule;greedy
date_begin;2026
date_end;2026
currency;DKK
experimental;1
PROJECTS
project_id;cost;name;category;district;selected
p01;16000;elderly d3;elderly;d3;1
p02;29000;roads_infrastructure d1;roads_infrastructure;d1;1
p03;17000;social_inclusion d1;social_inclusion;d1;1
p04;5000;children_schools d1;children_schools;d1;1
p05;24000;green_areas d2;green_areas;d2;1
VOTES
voter_id;vote;sex;district;age_band
v1;p04,p05;F;d2;50-66
v7;p01,p04;M;d1;67+
v11;p01;M;d3;67+
v13;p05;M;d2;30-49
v18;p03,p04;F;d1;30-49
v29;p05;F;d2;67+
v36;p01,p05;M;d2;50-66
v37;p01;M;d3;67+
v42;p05;F;d3;50-66
v43;p03;F;d2;67+
v48;p01;M;d2;30-49
v59;p03;F;d2;67+
v60;p01;M;d2;67+
