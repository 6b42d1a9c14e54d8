// Word lists for the demo portfolio: real UFs, real cities with their DDD and CEP range, Brazilian names,
// street names and business-name patterns of a wholesale distributor's customers.
import type { Uf } from '../../../shared/domain/uf';

export interface City {
  name: string;
  ddd: string;
  /** First and last 5-digit CEP prefix of the city (the last 3 digits are drawn). */
  cep: readonly [number, number];
  weight: number;
}

/** Share of the portfolio per UF: the big markets are heavier. */
export const UF_WEIGHTS: readonly (readonly [Uf, number])[] = [
  ['SP', 22], ['MG', 11], ['RJ', 9], ['PR', 7], ['RS', 7], ['BA', 6], ['SC', 5], ['GO', 4.5], ['PE', 4.5], ['CE', 4],
  ['DF', 2.5], ['ES', 2.2], ['PA', 2], ['MT', 1.8], ['MS', 1.6], ['AM', 1.5], ['MA', 1.4], ['PB', 1.2], ['RN', 1.2],
  ['AL', 1], ['PI', 1], ['SE', 0.8], ['RO', 0.7], ['TO', 0.6], ['AC', 0.3], ['AP', 0.3], ['RR', 0.3],
];

const c = (name: string, ddd: number, from: number, to: number, weight: number): City => ({
  name,
  ddd: String(ddd),
  cep: [from, to],
  weight,
});

export const CITIES: Readonly<Record<Uf, readonly City[]>> = {
  SP: [
    c('São Paulo', 11, 1000, 5999, 40), c('Guarulhos', 11, 7000, 7399, 6), c('Campinas', 19, 13010, 13099, 8),
    c('Santo André', 11, 9000, 9299, 4), c('São Bernardo do Campo', 11, 9600, 9899, 4), c('Osasco', 11, 6000, 6299, 4),
    c('Ribeirão Preto', 16, 14000, 14114, 5), c('Sorocaba', 15, 18000, 18109, 5), c('São José dos Campos', 12, 12200, 12249, 4),
    c('Santos', 13, 11000, 11099, 4), c('Bauru', 14, 17000, 17109, 3), c('São José do Rio Preto', 17, 15000, 15099, 3),
    c('Piracicaba', 19, 13400, 13427, 3),
  ],
  MG: [
    c('Belo Horizonte', 31, 30000, 31999, 30), c('Contagem', 31, 32000, 32399, 7), c('Uberlândia', 34, 38400, 38414, 9),
    c('Juiz de Fora', 32, 36000, 36099, 7), c('Montes Claros', 38, 39400, 39409, 5), c('Betim', 31, 32600, 32689, 5),
    c('Uberaba', 34, 38000, 38099, 4), c('Governador Valadares', 33, 35000, 35099, 4), c('Divinópolis', 37, 35500, 35504, 3),
    c('Poços de Caldas', 35, 37700, 37719, 3),
  ],
  RJ: [
    c('Rio de Janeiro', 21, 20000, 23799, 40), c('Niterói', 21, 24000, 24399, 7), c('Duque de Caxias', 21, 25000, 25299, 7),
    c('Nova Iguaçu', 21, 26000, 26099, 6), c('São Gonçalo', 21, 24400, 24799, 7), c('Campos dos Goytacazes', 22, 28000, 28099, 5),
    c('Petrópolis', 24, 25600, 25779, 4), c('Volta Redonda', 24, 27200, 27299, 4), c('Macaé', 22, 27900, 27999, 3),
  ],
  PR: [
    c('Curitiba', 41, 80000, 82999, 30), c('Londrina', 43, 86000, 86099, 9), c('Maringá', 44, 87000, 87099, 8),
    c('Ponta Grossa', 42, 84000, 84099, 6), c('Cascavel', 45, 85800, 85824, 5), c('Foz do Iguaçu', 45, 85850, 85871, 4),
    c('São José dos Pinhais', 41, 83000, 83099, 5), c('Guarapuava', 42, 85010, 85099, 3), c('Pato Branco', 46, 85501, 85508, 2),
  ],
  RS: [
    c('Porto Alegre', 51, 90000, 91999, 30), c('Caxias do Sul', 54, 95000, 95124, 10), c('Pelotas', 53, 96000, 96099, 6),
    c('Canoas', 51, 92000, 92479, 6), c('Santa Maria', 55, 97000, 97119, 5), c('Passo Fundo', 54, 99000, 99099, 4),
    c('Novo Hamburgo', 51, 93300, 93599, 4), c('Gravataí', 51, 94000, 94299, 4),
  ],
  BA: [
    c('Salvador', 71, 40000, 42499, 35), c('Feira de Santana', 75, 44000, 44099, 9), c('Vitória da Conquista', 77, 45000, 45099, 6),
    c('Camaçari', 71, 42800, 42849, 4), c('Itabuna', 73, 45600, 45619, 3), c('Juazeiro', 74, 48900, 48909, 3),
    c('Ilhéus', 73, 45650, 45669, 3), c('Lauro de Freitas', 71, 42700, 42709, 4),
  ],
  SC: [
    c('Florianópolis', 48, 88000, 88099, 12), c('Joinville', 47, 89200, 89239, 12), c('Blumenau', 47, 89000, 89099, 9),
    c('Chapecó', 49, 89800, 89816, 6), c('Itajaí', 47, 88300, 88319, 5), c('Criciúma', 48, 88800, 88819, 5),
    c('São José', 48, 88100, 88199, 5), c('Lages', 49, 88500, 88539, 3), c('Balneário Camboriú', 47, 88330, 88339, 4),
  ],
  GO: [
    c('Goiânia', 62, 74000, 74899, 30), c('Aparecida de Goiânia', 62, 74900, 74999, 9), c('Anápolis', 62, 75000, 75159, 7),
    c('Rio Verde', 64, 75900, 75909, 5), c('Luziânia', 61, 72800, 72899, 3), c('Águas Lindas de Goiás', 61, 72910, 72929, 3),
    c('Catalão', 64, 75700, 75709, 2), c('Itumbiara', 64, 75500, 75539, 2),
  ],
  PE: [
    c('Recife', 81, 50000, 52999, 30), c('Jaboatão dos Guararapes', 81, 54000, 54599, 9), c('Olinda', 81, 53000, 53399, 6),
    c('Caruaru', 81, 55000, 55099, 6), c('Petrolina', 87, 56300, 56339, 6), c('Paulista', 81, 53400, 53499, 4),
    c('Garanhuns', 87, 55290, 55299, 3),
  ],
  CE: [
    c('Fortaleza', 85, 60000, 61599, 40), c('Caucaia', 85, 61600, 61699, 6), c('Juazeiro do Norte', 88, 63000, 63099, 6),
    c('Maracanaú', 85, 61900, 61939, 5), c('Sobral', 88, 62000, 62119, 4), c('Crato', 88, 63100, 63133, 3),
  ],
  DF: [c('Brasília', 61, 70000, 72799, 1)],
  ES: [
    c('Vitória', 27, 29000, 29099, 4), c('Vila Velha', 27, 29100, 29129, 4), c('Serra', 27, 29160, 29184, 3),
    c('Cachoeiro de Itapemirim', 28, 29300, 29399, 2),
  ],
  PA: [c('Belém', 91, 66000, 66999, 5), c('Ananindeua', 91, 67000, 67199, 2), c('Santarém', 93, 68000, 68109, 2), c('Marabá', 94, 68500, 68509, 1)],
  MT: [c('Cuiabá', 65, 78000, 78109, 5), c('Várzea Grande', 65, 78110, 78159, 2), c('Rondonópolis', 66, 78700, 78749, 2)],
  MS: [c('Campo Grande', 67, 79000, 79124, 5), c('Dourados', 67, 79800, 79849, 2)],
  AM: [c('Manaus', 92, 69000, 69099, 1)],
  MA: [c('São Luís', 98, 65000, 65109, 4), c('Imperatriz', 99, 65900, 65919, 2)],
  PB: [c('João Pessoa', 83, 58000, 58099, 4), c('Campina Grande', 83, 58400, 58439, 2)],
  RN: [c('Natal', 84, 59000, 59161, 4), c('Mossoró', 84, 59600, 59649, 2)],
  AL: [c('Maceió', 82, 57000, 57099, 4), c('Arapiraca', 82, 57300, 57319, 1)],
  PI: [c('Teresina', 86, 64000, 64099, 4), c('Parnaíba', 86, 64200, 64219, 1)],
  SE: [c('Aracaju', 79, 49000, 49099, 1)],
  RO: [c('Porto Velho', 69, 76800, 76834, 2), c('Ji-Paraná', 69, 76900, 76914, 1)],
  TO: [c('Palmas', 63, 77000, 77270, 2), c('Araguaína', 63, 77800, 77829, 1)],
  AC: [c('Rio Branco', 68, 69900, 69923, 1)],
  AP: [c('Macapá', 96, 68900, 68914, 1)],
  RR: [c('Boa Vista', 95, 69300, 69339, 1)],
};

/** Twelve sales reps, each covering a region (index lists per UF below). */
export const SALES_REPS = [
  'Carlos Eduardo Lima', 'Fernanda Rocha Pires', 'Marcos Vinícius Souza', 'Juliana Martins', 'Ricardo Alves Teixeira',
  'Patrícia Gomes', 'Anderson Ribeiro', 'Camila Ferreira Santos', 'Rodrigo Nascimento', 'Luciana Barbosa',
  'Thiago Carvalho', 'Aline Mendes Costa',
] as const;

export const REPS_BY_UF: Readonly<Record<Uf, readonly number[]>> = {
  SP: [0, 1, 2], MG: [3], RJ: [4], PR: [5], SC: [5], RS: [6], BA: [7], SE: [7], AL: [7],
  PE: [8], PB: [8], RN: [8], CE: [9], PI: [9], MA: [9], GO: [10], DF: [10], MT: [10], MS: [10], TO: [10],
  ES: [11], PA: [11], AM: [11], RO: [11], AC: [11], AP: [11], RR: [11],
};

export type SegmentKey =
  | 'supermercado' | 'mercearia' | 'farmacia' | 'bar' | 'padaria' | 'posto' | 'atacarejo' | 'conveniencia' | 'hortifruti'
  | 'distribuidora';

export interface Segment {
  key: SegmentKey;
  /** pt-BR display form stored in customers.segment. */
  label: string;
  weight: number;
  /** Multiplier on the typical ticket. */
  ticket: number;
  /** Share of the segment that may be a person (PF) or a sole trader. */
  small: boolean;
  /** "{X}" is a fantasy word, a surname or "do Zé"-style owner reference. */
  legal: readonly string[];
  trade: readonly string[];
}

export const SEGMENTS: readonly Segment[] = [
  {
    key: 'supermercado', label: 'Supermercado', weight: 18, ticket: 2.2, small: false,
    legal: ['Supermercado {X} Ltda', 'Supermercado {X} Eireli', 'Comercial de Alimentos {X} Ltda', 'Supermercados {X} S.A.'],
    trade: ['Supermercado {X}', 'Super {X}', '{X} Supermercados'],
  },
  {
    key: 'mercearia', label: 'Mercearia', weight: 16, ticket: 0.55, small: true,
    legal: ['Mercearia {X} Ltda', 'Mercearia {X} ME', 'Empório {X} Ltda'],
    trade: ['Mercearia {X}', 'Empório {X}', 'Mercadinho {X}'],
  },
  {
    key: 'farmacia', label: 'Farmácia', weight: 9, ticket: 1, small: false,
    legal: ['Farmácia {X} ME', 'Drogaria {X} Ltda', 'Farmácia {X} Ltda'],
    trade: ['Farmácia {X}', 'Drogaria {X}', 'Drogas {X}'],
  },
  {
    key: 'bar', label: 'Bar e restaurante', weight: 14, ticket: 0.5, small: true,
    legal: ['Bar e Restaurante {X} Eireli', 'Bar e Restaurante {X} Ltda', 'Restaurante {X} Ltda', 'Lanchonete {X} ME'],
    trade: ['Bar {X}', 'Restaurante {X}', 'Boteco {X}', 'Lanchonete {X}'],
  },
  {
    key: 'padaria', label: 'Padaria', weight: 11, ticket: 0.6, small: true,
    legal: ['Padaria {X} Ltda', 'Panificadora {X} Ltda', 'Padaria e Confeitaria {X} ME'],
    trade: ['Padaria {X}', 'Panificadora {X}', 'Pão {X}'],
  },
  {
    key: 'posto', label: 'Posto de combustível', weight: 6, ticket: 1.4, small: false,
    legal: ['Auto Posto {X} Ltda', 'Posto {X} Combustíveis Ltda', 'Comércio de Combustíveis {X} Ltda'],
    trade: ['Auto Posto {X}', 'Posto {X}'],
  },
  {
    key: 'atacarejo', label: 'Atacarejo', weight: 4, ticket: 3.5, small: false,
    legal: ['Atacarejo {X} Comércio de Alimentos Ltda', '{X} Atacado e Varejo Ltda', 'Atacadão {X} Ltda'],
    trade: ['Atacarejo {X}', '{X} Atacado', 'Atacadão {X}'],
  },
  {
    key: 'conveniencia', label: 'Conveniência', weight: 8, ticket: 0.5, small: true,
    legal: ['Conveniência {X} Ltda', 'Loja de Conveniência {X} ME', 'Conveniência {X} Eireli'],
    trade: ['Conveniência {X}', '{X} Conveniência', 'Empório {X}'],
  },
  {
    key: 'hortifruti', label: 'Hortifrúti', weight: 7, ticket: 0.7, small: true,
    legal: ['Hortifrúti {X} Ltda', 'Sacolão {X} ME', 'Comércio de Frutas {X} Ltda'],
    trade: ['Hortifrúti {X}', 'Sacolão {X}', 'Quitanda {X}'],
  },
  {
    key: 'distribuidora', label: 'Distribuidora', weight: 7, ticket: 2.8, small: false,
    legal: ['Distribuidora {X} de Bebidas Ltda', '{X} Distribuidora de Alimentos Ltda', 'Distribuidora {X} Ltda'],
    trade: ['Distribuidora {X}', '{X} Bebidas', '{X} Distribuidora'],
  },
];

/** Fantasy words for business names ("Supermercado Bom Preço"). */
export const FANTASY = [
  'Bom Preço', 'Boa Vista', 'Santa Luzia', 'São Jorge', 'Estrela', 'Primavera', 'Nova Esperança', 'Central', 'Popular',
  'Real', 'Progresso', 'Ideal', 'Econômico', 'Sol Nascente', 'Bela Vista', 'Vitória', 'Aliança', 'Paraíso', 'Dois Irmãos',
  'Três Irmãos', 'Família', 'Bom Jesus', 'Aparecida', 'São Francisco', 'Santo Antônio', 'Alvorada', 'Planalto', 'Horizonte',
  'Mais Barato', 'União', 'Triunfo', 'Modelo', 'Cristal', 'Diamante', 'Ouro Verde', 'Campo Belo', 'Serrano', 'Litoral',
  'Pérola', 'Imperial', 'Brasil', 'Avenida', 'da Praça', 'do Bairro', 'da Vila', 'do Povo', 'Pão Dourado', 'Trigo de Ouro',
  'Sabor da Terra', 'Bom Gosto', 'Boa Sorte', 'Esperança', 'Caminho Novo', 'Rio Branco', 'Nossa Senhora de Fátima',
  'São João', 'São Pedro', 'Santa Clara', 'Santa Rita', 'Jardim', 'Monte Verde', 'Cidade Nova', 'Recanto', 'Beira Rio',
  'Ponto Certo', 'Ponto Chic', 'Fartura', 'Sete Estrelas', 'Novo Tempo', 'Vale Verde', 'Girassol', 'Canaã', 'Betel',
  'Shalom', 'Guanabara', 'Tropical', 'Pantanal', 'Cerrado', 'Sertão', 'Mar Azul', 'Cruzeiro', 'Universal', 'Confiança',
];

export const MALE_NAMES = [
  'José', 'João', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos', 'Luís', 'Gabriel',
  'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Raimundo', 'Rodrigo', 'Manoel', 'Sebastião', 'Fábio',
  'Roberto', 'Jorge', 'Márcio', 'Sérgio', 'Leandro', 'Gustavo', 'Alexandre', 'Edson', 'Adriano', 'Reginaldo', 'Cícero',
  'Wellington', 'Gilberto', 'Severino', 'Valdir', 'Renato', 'Diego',
];

export const FEMALE_NAMES = [
  'Maria', 'Ana', 'Francisca', 'Antônia', 'Adriana', 'Juliana', 'Márcia', 'Fernanda', 'Patrícia', 'Aline', 'Sandra',
  'Camila', 'Amanda', 'Bruna', 'Jéssica', 'Letícia', 'Júlia', 'Luciana', 'Vanessa', 'Mariana', 'Gabriela', 'Vera',
  'Rosângela', 'Cláudia', 'Simone', 'Raimunda', 'Terezinha', 'Luzia', 'Sônia', 'Regina', 'Rita', 'Josefa', 'Aparecida',
  'Cristiane', 'Eliane', 'Débora', 'Tatiane', 'Priscila', 'Daniela', 'Renata',
];

export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro',
  'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias', 'Nascimento',
  'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas', 'Cardoso', 'Ramos', 'Gonçalves', 'Santana',
  'Teixeira', 'Araújo', 'Pinto', 'Correia', 'Cavalcanti', 'Moura', 'Batista', 'Castro', 'Campos', 'Monteiro', 'Azevedo',
  'Bezerra', 'Tavares', 'Pires', 'Farias', 'Miranda',
];

/** Short forms used in names like "Bar do Zé", "Mercearia Dona Maria". */
export const NICKNAMES: Readonly<Record<string, string>> = {
  José: 'Zé', João: 'Joãozinho', Antônio: 'Toninho', Francisco: 'Chico', Sebastião: 'Tião', Raimundo: 'Mundico',
  Manoel: 'Mané', Severino: 'Biu', Paulo: 'Paulinho', Luiz: 'Lula', Cícero: 'Ciço', Carlos: 'Carlão',
};

export const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['Rua', 70], ['Avenida', 20], ['Travessa', 4], ['Alameda', 3], ['Rodovia', 2], ['Praça', 1],
];

export const STREET_NAMES = [
  'Sete de Setembro', 'XV de Novembro', 'Tiradentes', 'Dom Pedro II', 'Getúlio Vargas', 'Marechal Deodoro', 'Santos Dumont',
  'Rui Barbosa', 'José Bonifácio', 'das Flores', 'Brasil', 'da Independência', 'Presidente Vargas', 'Barão do Rio Branco',
  'Duque de Caxias', 'São Paulo', 'Amazonas', 'Bahia', 'Paraná', 'das Palmeiras', 'dos Andradas', 'Floriano Peixoto',
  'Castro Alves', 'Machado de Assis', 'Carlos Gomes', 'Princesa Isabel', 'Benjamin Constant', 'Coronel Fonseca',
  'Treze de Maio', 'Primeiro de Maio', 'Santa Catarina', 'Minas Gerais', 'João Pessoa', 'Visconde de Mauá',
  'Padre Anchieta', 'Anita Garibaldi', 'Osvaldo Cruz', 'Vinte e Um de Abril', 'das Acácias', 'dos Ipês', 'Belo Horizonte',
  'Quintino Bocaiúva', 'Almirante Barroso', 'Monteiro Lobato', 'Cecília Meireles', 'Joaquim Nabuco', 'Euclides da Cunha',
  'Professor Antônio Lemos', 'do Comércio', 'da Saudade',
];

export const DISTRICTS = [
  'Centro', 'Jardim América', 'Vila Nova', 'Santa Cruz', 'São José', 'Boa Vista', 'Jardim das Flores', 'Vila Maria',
  'Distrito Industrial', 'Parque São Jorge', 'Cidade Nova', 'Bela Vista', 'Jardim Primavera', 'Vila Operária',
  'Santo Antônio', 'São Cristóvão', 'Jardim Paulista', 'Liberdade', 'Alto da Boa Vista', 'Jardim Europa', 'Vila Esperança',
  'Nossa Senhora de Fátima', 'Planalto', 'Conjunto Habitacional', 'Jardim Santa Rita', 'Vila Rica', 'Novo Horizonte',
  'Parque das Nações', 'Jardim Bela Vista', 'Vila Santa Teresa',
];

export const COMPLEMENTS = ['Loja 1', 'Loja 2', 'Galpão 3', 'Sala 101', 'Box 12', 'Fundos', 'Térreo', 'Bloco B'];

export const CONTACT_ROLES: readonly (readonly [string, number])[] = [
  ['Proprietário(a)', 30], ['Financeiro', 28], ['Comprador(a)', 16], ['Gerente', 12], ['Contas a pagar', 10], ['Sócio(a)', 4],
];

export const FREE_MAIL = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br', 'terra.com.br'];

export const WRITE_OFF_REASONS = [
  'Cliente encerrou as atividades; sem bens localizados',
  'Falência decretada; crédito habilitado',
  'Incobrável: custo de cobrança maior que o saldo',
  'Título prescrito',
];
