export const reportsPtBR = {
  nav: 'Relatórios',
  title: 'Relatórios',
  subtitle: 'Documentos para imprimir ou enviar, com os dados da empresa, os filtros usados e a data de geração.',
  pdf: 'Baixar PDF',
  csv: 'Baixar CSV',
  generating: 'Gerando…',
  saved: 'Arquivo {{file}} salvo.',
  all: 'Todos',
  aging: {
    title: 'Aging da carteira',
    text: 'Clientes agrupados por faixa de atraso (a vencer, 1–15, 16–30, 31–60, 61–90, 91–180, mais de 180 dias), com subtotais e total geral na posição de hoje.',
  },
  activity: {
    title: 'Atividade de cobrança',
    text: 'Contatos feitos no período por responsável, canal e resultado: mensagens da régua e tarefas concluídas pelos atendentes.',
    from: 'De',
    to: 'Até',
  },
  statement: {
    button: 'Extrato de débitos (PDF)',
    hint: 'Títulos em aberto atualizados com multa e juros, total com Pix e linhas dos boletos.',
  },
  companyMissing: 'Cadastre os dados da empresa para que saiam no cabeçalho.',
  companyLink: 'Ir para Configurações › Empresa',
};
