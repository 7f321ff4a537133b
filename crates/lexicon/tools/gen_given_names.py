"""Writes crates/lexicon/data/given_names.tsv: common given names, used to
tell an unknown capitalised name ("Paul Tergat") from other capitalised runs.

Sources:
- `census`: the most frequent male and female first names of the 1990 US
  Census (public domain), as shipped in the PyPI package `names` (MIT);
- `entente`: names common in world news written by the entente team below
  (Arabic, Persian, Turkish, Slavic, European, African, South and East Asian).

Usage: pip install --target /tmp/pyc names
       python3 crates/lexicon/tools/gen_given_names.py /tmp/pyc/names \
           > crates/lexicon/data/given_names.tsv

Names that are also common English words, titles, months or place words
("Will", "May", "Hope", "Chase", "Young", "Christian") are left out: a given
name only marks a person when the word is almost always a name.
"""
import os
import sys

TOP_MALE = 900
TOP_FEMALE = 1300

EXCLUDE = set("""
will may june april santa santo santos august hope grace joy faith charity mark bill rose ivy holly
dawn summer autumn christian king guy hunter chase young long saint san la del van
von al ma mae sun son numbers german pat gay merle art dick rich sonny buddy
queen lane star sterling jewel pearl ruby crystal amber jade cherry ginger olive
fern opal violet daisy iris lily hazel angel angela-skip major general minor
royal rock rocky bud jack-skip sky storm rain river forest august cruz grant
cleveland houston lincoln jackson washington jefferson roosevelt carter harrison
wilson clinton kennedy jordan israel georgia india china kenya dallas denver
austin paris sydney florence victoria virginia carolina madison regina marion
dana lee kim drew case cody mason miles price reed ward wade lane ford dale
glen page paige penny may-skip chance early frank-skip pierce hardy noble
young earnest ernest-skip constance prudence patience trinity destiny heaven
brandy candy misty sherry sandy stormy tiffany-skip wm jame joesph danial
""".split())

# Written by the entente team: given names frequent in international news.
EXTRA = """
Abbas Abdel Abdul Abdulaziz Abdullah Abdullahi Abdulrahman Abu-skip Adel Adnan Ahmad Ahmed
Aisha Akram Ali Amin Amina Amir Amr Anwar Ashraf Ayman Aziz Bashar Bassem Fadi Faisal
Farid Farouk Fatima Fawzi Haider Hamad Hamid Hamza Hani Hassan Hassan Hisham Hossam
Hussein Ibrahim Imad Issa Jamal Jihad Kamal Karim Khaled Khalid Khalil Layla Mahmoud
Majid Mansour Marwan Masoud Mohamed Mohammad Mohammed Muhammad Mounir Mustafa Mustapha
Nabil Nadia Nasser Nawaf Nizar Omar Osama Qasim Rami Rania Riyad Saad Saeed Said Salah
Salim Salman Sami Samir Tamim Tarek Tariq Walid Waleed Yasser Yassin Yousef Youssef
Yusuf Zaid Zainab Ziad Abolfazl Ali-Akbar-skip Bijan Dariush Ebrahim Esmail Farhad
Hossein Javad Kazem Mahmood Mehdi Mohsen Mojtaba Morteza Nasrin Reza Saeid Shirin
Ahmet Ali-skip Burak Cem Emre Fatih Hakan Kemal Mehmet Mevlut Murat Mustafa Recep Selahattin
Suleyman Tayyip Yusuf Ekrem Binali Devlet Abdulkadir Ayse Elif Zeynep
Aleksandr Aleksei Alexei Alexey Anatoly Andrei Andrey Anton Arkady Boris Dmitri Dmitry
Dmitriy Evgeny Fyodor Gennady Grigory Igor Ilya Ivan Konstantin Leonid Maxim Mikhail
Nikita Nikolai Nikolay Oleg Pavel Pyotr Ruslan Sergei Sergey Stanislav Valentina Valery
Vasily Viktor Vitaly Vladimir Vladislav Vyacheslav Yevgeny Yuri Yury Zurab Olga Svetlana
Tatiana Tatyana Yulia Yelena Irina Natalia Natalya Ekaterina Yekaterina Ksenia Maria-skip
Volodymyr Oleksandr Oleksiy Petro Mykola Vitali Vitaliy Andriy Yuriy Taras Bohdan
Jaroslaw Jarosław Andrzej Zbigniew Krzysztof Tomasz Piotr Mateusz Wojciech Lech Donald-skip
Miloš Milos Aleksandar Slobodan Zoran Vojislav Goran Dragan Milorad Ivica Andrej Janez
Viktor-skip Ferenc Gyula Laszlo László Zsolt Péter Vaclav Václav Miloš-skip Jiri Jiří
Klaus Wolfgang Jürgen Jurgen Helmut Gerhard Horst Angela-skip Olaf Friedrich Frank-Walter
Annalena Markus Ursula Heiko Norbert Sigmar Hans Dieter Ulrich Joachim Thilo
Emmanuel François Francois Jacques Jean-Luc Jean-Marie Jean-Yves Nicolas Lionel Ségolène
Marine Édouard Edouard Gérald Gerald-skip Bruno Olivier Laurent Benoît Benoit Arnaud
Giuseppe Giorgia Matteo Silvio Sergio-skip Mario-skip Romano Enrico Paolo Luigi Massimo
Giovanni Giulio Giancarlo Gianni Alessandro Francesco Antonio-skip Beppe Roberto-skip
Pedro-skip Mariano Santiago-skip Pablo-skip Alberto-skip Iñigo Jordi Carles Josep
Luiz Inácio Jair Dilma Fernando-skip Geraldo Gustavo-skip Andrés Nicolás Evo Hugo-skip
Rafael-skip Lenín Cristina-skip Mauricio-skip Alberto-skip Javier-skip Álvaro Iván
Sebastián Gabriel-skip Michelle-skip Felipe-skip Enrique-skip Andrés-skip Juan-skip
Rutte Mark-skip Geert Wopke Frans Sigrid Jens Erna Jonas Stefan-skip Magnus Ulf Sanna
Mette Lars Anders Jyrki Juha Sauli Alexander-skip Kaja Kersti Toomas Dalia Gitanas
Nicos Nikos Alexis-skip Kyriakos Yannis Giorgos Andreas Panagiotis Evangelos Antonis
Recep-skip Nursultan Kassym-Jomart Shavkat Islam Emomali Gurbanguly Serdar Sadyr Almazbek
Ilham Mehriban Nikol Serzh Robert-skip Levon Armen Vahagn Giorgi Salome Mikheil Irakli
Narendra Rahul Sonia Manmohan Amit Arvind Mamata Nitish Rajnath Nirmala Subrahmanyam
Imran Nawaz Shehbaz Asif Bilawal Benazir Pervez Maryam Shah Mahmood-skip Qamar Asim
Sheikh-skip Hasina Khaleda Ranil Gotabaya Mahinda Pushpa Sher Ashraf-skip Hamid-skip
Xi-skip Jinping-skip Li-skip Wang-skip Zhou-skip Hu-skip Wen-skip Keqiang-skip
Shinzo Yoshihide Fumio Taro Shigeru Yukio Junichiro Naoto Kishida-skip Yuriko Toshimitsu
Moon-skip Yoon-skip Kim-skip Park-skip Lee-skip
Rodrigo-skip Ferdinand Bongbong Joko Prabowo Megawati Anwar-skip Mahathir Najib Lee-skip Hsien
Hun Sen-skip Prayut Thaksin Yingluck Aung San-skip Suu-skip Min Aung-skip Hlaing-skip
Cyril Jacob Thabo Nelson-skip Julius-skip Muhammadu Bola Goodluck Olusegun Atiku Yemi
Uhuru William-skip Raila Mwai Yoweri Bobi Paul-skip Kagame-skip Abiy Meles Isaias Salva
Riek Omar-skip Abdel-skip Fattah Mohamed-skip Hemedti Faustin Felix-skip Denis-skip Joseph-skip
Emmerson Robert-skip Nelson-skip Hage Hakainde Edgar-skip Lazarus Peter-skip Macky Ousmane
Alassane Laurent-skip Ibrahim-skip Mahamadou Idriss Mahamat Assimi Roch Blaise Kais Abdelmadjid
Abdelaziz Abdelmajid Fayez Khalifa Aguila Beji Rached Moncef Saad-skip Driss Aziz-skip
Benjamin-skip Naftali Yair Benny Avigdor Gideon Itamar Bezalel Yoav Ehud Ariel Shimon Yitzhak
Reuven Isaac-skip Tzipi Ayelet Miri Gilad Moshe Avi Yossi Eli-skip Dani Tamar Noa Yonatan
Mahmoud-skip Yahya Ismail Ismail-skip Khaled-skip Marwan-skip Hanan Saeb Nabil-skip Rami-skip
Volker Antonio-skip Ban Kofi Boutros Javier-skip Tedros Ngozi Kristalina Christine-skip Josep-skip
Jens-skip Jean-Claude Donald-skip Charles-skip Herman Margrethe Haakon Harald Carl Gustaf Felipe-skip
Rishi Boris-skip Keir Theresa Nicola Humza Rishi-skip Sadiq Priti Suella Jeremy-skip Kemi
Justin-skip Pierre-skip Chrystia Jagmeet Scott-skip Anthony-skip Jacinda Chris-skip Malcolm-skip
Kamala Joe-skip Nancy-skip Mitch Chuck-skip Hakeem Kevin-skip Ron-skip Pete-skip Mike-skip
Volodymyr-skip Wladimir Vitali-skip Oleksii Denys Dmytro Iryna Yulia-skip Kyrylo Valerii
Wasim Waqar Aamir Ijaz Inzamam Javed Shahid Zahid Rashid Saqlain Mushtaq Moin Saeed-skip
Shoaib Younis Misbah Azhar Babar Fakhar Sarfraz Sanath Aravinda Arjuna Muttiah Kumar Chaminda
Romesh Hashan Mahela Kumar-skip Sachin Sourav Rahul-skip Anil Javagal Venkatesh Mohammad-skip
Sunil Kapil Ravi Rajesh Suresh Ramesh Mahesh Ganesh Vijay Ajay Sanjay Manoj Deepak Ashok Pradeep
Amitabh Shah-skip Priyanka Sunita Anita-skip Lakshmi Gita Arun Vikram Abhishek Rohit Virat
Jesper Henrik Nils Sven Bjorn Björn Per-skip Ole Geir Jens-skip Stig Thomas-skip Mats Ulf-skip
Anders-skip Kjell Torbjorn Lasse Pekka Mika Jari Kimi Timo Esa Jukka Heikki Matti Antti
Bernd Falk Florian Uwe Dirk Matthias Tobias Jörg Jorg Rainer Holger Torsten Hartmut Manfred
Reinhard Werner Günter Gunter Gerd Lothar Oliver-skip Sepp Franz Karl-Heinz Heinz Jochen
Joost Pieter Ruud Dennis-skip Marco-skip Johan Jaap Wim Hendrik Sjaak Kees Arjen Robin-skip
Youri Thierry Didier Laurent-skip Philippe Christophe Stéphane Stephane Sébastien Sebastien
Jérôme Jerome-skip Gérard Gerard-skip Patrice Pascal Yannick Zinedine Fabien Fabrice Alain
Michel-skip Bernard-skip Dominique-skip Hervé Herve Jean-Pierre Jean-Paul Jean-François
Mihai Cosmin Gheorghe Ion Florin Dorin Adrian-skip Ilie Nicolae Traian Klaus-skip Viorel
Hristo Stoyan Dimitar Georgi Petar Krasimir Zdravko Boyko Rumen Todor Lyubomir Ljubomir
Zvonimir Davor Slaven Dario Predrag Dejan Nenad Vlade Sinisa Darko Mirko Zeljko Zlatko Hasan
Alija Haris Edin Emir-skip Sejad Ejup Fatos Sali Ilir Edi Arben Gjergj Hashim Ibrahim-skip
Gheorghe-skip Vasile Andrei-skip Petre Radu Emil-skip Vaclav-skip Pavel-skip Jan-skip Karel Josef
Tomas-skip Jaromir Petr Jiri-skip Milan Vladimir-skip Martin-skip Jozef Miroslav Robert-skip
Zsolt-skip Gabor Gábor Tamas Tamás Attila Istvan István Janos János Sandor Sándor Imre Lajos
Krzysztof-skip Marek Jerzy Janusz Grzegorz Aleksander Lech-skip Jacek Artur Zbigniew-skip
Algirdas Valdas Arvydas Sarunas Vytautas Raimonds Andris Guntis Janis-skip Mart Siim Lennart
Rui Luis-skip Joao João Paulo Nuno Fernando-skip Jorge-skip Vitor Vítor Sergio-skip Ronaldo
Romario Rivaldo Bebeto Leonardo-skip Cafu Dunga Zico Socrates Marcelo Thiago Fabio Fábio
Gianfranco Gianluca Roberto-skip Fabrizio Alessandro-skip Paolo-skip Christian-skip Demetrio
Pierluigi Filippo Andrea Stefano Claudio Lorenzo-skip Vincenzo Carlo-skip Massimiliano
Ottavio Rinaldo Umberto Giacomo Walter-skip Dino Zdenek Gerardo-skip Jose-skip
Alvaro-skip Ernesto-skip Hernan Hernán Gonzalo-skip Ariel-skip Gabriel-skip Diego-skip Carlos-skip
Ezequiel Esteban-skip Osvaldo Alfredo-skip Lionel-skip Juan-Carlos Juan-Pablo José Jesús Ángel
Conchita Arantxa Rocio Mercedes-skip Gisela Steffi Anke Monika-skip Martina-skip Iva Jana-skip
Magdalena-skip Sabine Birgit Heike Katarina Katarzyna Agnieszka Małgorzata Malgorzata Ewa Zofia
Merlene Gwen-skip Marion-skip Florence-skip Gail-skip Irina-skip Svetlana-skip Yelena-skip Ludmila
Lyudmila Galina Tatyana-skip Nadezhda Larisa Elena-skip Oksana Inna Alla Zhanna Vera-skip
Haile Kenenisa Tirunesh Derartu Fatuma Gete Abebe Mamo Moses-skip Paul-skip Kipchoge Wilson-skip
Samuel-skip Daniel-skip Josphat Joseph-skip Ismael-skip Noah-skip Kip Yobes Bernard-skip Benson
Davidson Chidi Chinedu Emeka Obinna Nnamdi Uche Ngozi-skip Olu Segun Tunde Femi Kunle Wole
Kwame Kofi-skip Kwabena Kojo Yaw Ama Abena Akosua Nana Jerry-skip Samora Jomo Julius-skip
Kenneth-skip Thabo-skip Jacob-skip Winnie-skip Desmond-skip Oliver-skip Chris-skip Hansie
Jonty Allan-skip Gary-skip Shaun-skip Makhaya Francois-skip Naas Morne Morné Joost-skip Kobus
Sipho Themba Bongani Mandla Thandi Lindiwe Nomvula Zola Tokyo-skip Amadou Mamadou Moussa Oumar
Abdoulaye Ibrahima Cheikh Modibo Boubacar Seydou Souleymane Youssouf Aliou Lamine Sadio Didier-skip
Hiroshi Takeshi Kenji Koji Masahiko Masato Ryutaro Tomiichi Yohei Yasuhiro Toshiki Morihiro
Haruki Akira Hideki Ichiro Kazuo Keizo Kiichi Makoto Nobuo Noboru Osamu Satoshi Shigeo Takashi
Tetsuya Yoshiro Yuji Yuki Naoki Daisuke Shunsuke Hidetoshi Kazuyoshi
Olena Iga Maia Samia Sahra Leila Amal Hoda Huda Mariam Yasmin Asma Soraya Xiomara Keiko
Ingrida Zuzana Katalin
""".split()

# The sex of the team-written names above: these are women's names, these
# are used for both (or differ by language: Italian Andrea and Nicola are
# men, German Andrea and Scottish Nicola women); every other name of EXTRA
# is a man's.
FEMALE = set("""
Aisha Amina Fatima Layla Nadia Rania Zainab Nasrin Shirin Ayse Elif Zeynep Valentina Olga
Svetlana Tatiana Tatyana Yulia Yelena Irina Natalia Natalya Ekaterina Yekaterina Ksenia
Annalena Ursula Ségolène Marine Giorgia Dilma Sigrid Erna Sanna Mette Kaja Kersti Dalia
Mehriban Salome Sonia Mamata Nirmala Maryam Benazir Hasina Khaleda Pushpa Yuriko Megawati
Yingluck Tzipi Ayelet Miri Tamar Noa Ngozi Kristalina Margrethe Theresa Priti Suella Kemi
Chrystia Jacinda Kamala Iryna Priyanka Sunita Lakshmi Gita Conchita Arantxa Rocio Gisela
Steffi Anke Iva Sabine Birgit Heike Katarina Katarzyna Agnieszka Małgorzata Malgorzata Ewa
Zofia Merlene Ludmila Lyudmila Galina Nadezhda Larisa Oksana Inna Alla Zhanna Tirunesh
Derartu Fatuma Gete Ama Abena Akosua Thandi Lindiwe Nomvula
Olena Iga Maia Samia Sahra Leila Amal Hoda Huda Mariam Yasmin Asma Soraya Xiomara Keiko
Ingrida Zuzana Katalin
""".split())
EITHER = set("""
Andrea Nicola Hanan Nana Zola Kimi Yuki Min Aung Dani Kris Jean
""".split())

# A census name given to both sexes takes the sex that holds at least this
# many times the other's share ("John": men); else it stays `u`.
MAJORITY = 4.0


def main() -> None:
    src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pyc/names"
    rows = {}

    def add(name: str, sex: str, source: str) -> None:
        if name.endswith("-skip") or len(name) < 3:
            return
        key = name.lower()
        if key in EXCLUDE or key in rows:
            if key in rows and rows[key][1] != sex:
                rows[key] = (rows[key][0], "u", rows[key][2])
            return
        rows[key] = (name, sex, source)

    share = {}
    for fname, sex, top in (("dist.male.first", "m", TOP_MALE), ("dist.female.first", "f", TOP_FEMALE)):
        with open(os.path.join(src, fname), encoding="ascii") as f:
            for i, line in enumerate(f):
                w, freq = line.split()[:2]
                share[(w.lower(), sex)] = float(freq)
                if i >= top:
                    continue
                add(w[0] + w[1:].lower(), sex, "census")
    for key, (name, sex, source) in list(rows.items()):
        if sex == "u":
            m, f = share.get((key, "m"), 0.0), share.get((key, "f"), 0.0)
            if m >= MAJORITY * f:
                rows[key] = (name, "m", source)
            elif f >= MAJORITY * m:
                rows[key] = (name, "f", source)
    for w in EXTRA:
        add(w, "f" if w in FEMALE else "u" if w in EITHER else "m", "entente")
    for key, (name, sex, source) in list(rows.items()):
        if name in EITHER:
            rows[key] = (name, "u", source)
    out = sys.stdout
    out.write("# Generated by crates/lexicon/tools/gen_given_names.py; see it for sources.\n")
    out.write("# census: 1990 US Census first names (public domain) via the PyPI package\n")
    out.write("# `names` (MIT); entente: written by the entente team. Sorted by name.\n")
    out.write("name\tsex\tsource\n")
    for key in sorted(rows):
        name, sex, source = rows[key]
        out.write(f"{name}\t{sex}\t{source}\n")


if __name__ == "__main__":
    main()
